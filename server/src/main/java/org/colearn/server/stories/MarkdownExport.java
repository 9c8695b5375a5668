package org.colearn.server.stories;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.colearn.plugin.api.Stories.Credit;

/**
 * A selection of stories as one Markdown document, made from the same views the reader gets, so that an export
 * never carries more than the page shows (no author for anonymous stories, only their week).
 */
final class MarkdownExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private MarkdownExport() {}

    static String of(String collaborativeName, List<StoryViews.StoryView> stories) {
        StringBuilder md = new StringBuilder("# Failure stories from ").append(line(collaborativeName)).append("\n\n");
        for (StoryViews.StoryView story : stories) {
            md.append("## ").append(line(story.title())).append("\n\n");
            md.append("- Topic: ").append(line(story.topic())).append('\n');
            md.append("- Change idea: ").append(line(story.changeIdea())).append('\n');
            md.append("- Credit: ").append(line(credit(story))).append(story.faculty() ? " (faculty story)" : "").append('\n');
            md.append("- Posted: ").append(posted(story.postedAt(), story.timePrecision())).append('\n');
            if (!story.tags().isEmpty()) {
                md.append("- Tags: ").append(line(String.join(", ", story.tags()))).append('\n');
            }
            section(md, "What we tried", story.whatWeTried());
            section(md, "What happened", story.whatHappened());
            section(md, "What we learned", story.whatWeLearned());
            section(md, "What we would do differently", story.whatWeWouldDoDifferently());
            for (StoryViews.FollowUpView followUp : story.followUps()) {
                section(md, "What we changed as a result (" + posted(followUp.postedAt(), followUp.timePrecision()) + ")", followUp.body());
            }
        }
        return md.toString();
    }

    private static String credit(StoryViews.StoryView story) {
        switch (story.credit()) {
            case PERSON:
                return story.authorName() + (story.siteName() == null ? "" : ", " + story.siteName());
            case SITE:
                return "the team at " + story.siteName();
            default:
                return "anonymous";
        }
    }

    private static String posted(java.time.Instant at, String precision) {
        return ("week".equals(precision) ? "the week of " : "") + DAY.format(at);
    }

    private static void section(StringBuilder md, String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        md.append("\n### ").append(heading).append("\n\n").append(block(text)).append('\n');
    }

    /** Keeps a story's own text from turning into headings or HTML in the export. */
    private static String block(String text) {
        return text.strip().replace("<", "&lt;").replaceAll("(?m)^([#>=-])", "\\\\$1") + "\n";
    }

    private static String line(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").replace("<", "&lt;").strip();
    }
}
