/**
 * The activity plugin API of Colearn: everything an activity type (a poll, a world café, a failure-story circle)
 * compiles against, and nothing else. JDK only.
 *
 * <p>A plugin is a jar in the server's plugins folder with an {@link org.colearn.plugin.api.ActivityType} listed in
 * {@code META-INF/services/org.colearn.plugin.api.ActivityType}, the manifest entry
 * {@code Colearn-Plugin-Api-Version: 1}, and its browser component under {@code colearn-plugin/<id>/}. Each jar gets
 * its own class loader whose parent exposes only this package.
 *
 * <p>Threading, for every type here: the server calls an activity from one thread at a time (its session's), so an
 * activity needs no locks and must not start threads of its own; calls into {@link
 * org.colearn.plugin.api.ActivityContext} are valid only during a callback.
 *
 * @since 1
 */
package org.colearn.plugin.api;
