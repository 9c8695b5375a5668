package org.colearn.server;

import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.BindException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.colearn.server.auth.Account;
import org.colearn.server.auth.AccessToken;
import org.colearn.server.auth.AddressProof;
import org.colearn.server.auth.PasswordReset;
import org.colearn.server.auth.Mailer;
import org.colearn.server.auth.AuthFilter;
import org.colearn.server.auth.AuthResource;
import org.colearn.server.buddies.BuddyPair;
import org.colearn.server.buddies.BuddyProfile;
import org.colearn.server.buddies.BuddyRound;
import org.colearn.server.buddies.CheckIn;
import org.colearn.server.buddies.PairNote;
import org.colearn.server.buddies.PairStep;
import org.colearn.server.buddies.PairSite;
import org.colearn.server.buddies.PairResource;
import org.colearn.server.buddies.ProfileResource;
import org.colearn.server.buddies.RoundResource;
import org.colearn.server.buddies.SpaceResource;
import org.colearn.server.buddies.Visit;
import org.colearn.server.auth.AuthService;
import org.colearn.server.auth.MeResource;
import org.colearn.server.community.Collaborative;
import org.colearn.server.community.ClaimantResource;
import org.colearn.server.community.CollaborativeResource;
import org.colearn.server.community.Invitation;
import org.colearn.server.community.InvitationResource;
import org.colearn.server.community.JoinResource;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberResource;
import org.colearn.server.community.PendingMemberships;
import org.colearn.server.community.Site;
import org.colearn.server.community.SiteMoves;
import org.colearn.server.community.SiteResource;
import org.colearn.server.live.LiveEndpoint;
import org.colearn.server.improvement.Improvement;
import org.colearn.server.live.LiveMessageResource;
import org.colearn.server.live.LiveSessions;
import org.colearn.server.media.BrowserLibraries;
import org.colearn.server.media.MediaRooms;
import org.colearn.server.plugin.ActivityTypeResource;
import org.colearn.server.plugin.PluginFiles;
import org.colearn.server.plugin.Plugins;
import org.colearn.server.realtime.ConnectivityEndpoint;
import org.colearn.server.session.AgendaItem;
import org.colearn.server.session.Guests;
import org.colearn.server.session.SessionGuest;
import org.colearn.server.session.LearningSession;
import org.colearn.server.session.LiveActivitiesResource;
import org.colearn.server.session.SessionByIdResource;
import org.colearn.server.session.SessionResource;
import org.colearn.server.stories.Mixer;
import org.colearn.server.stories.Stories;
import org.colearn.server.system.ApiGate;
import org.colearn.server.system.BodyLimitFilter;
import org.colearn.server.system.Config;
import org.colearn.server.system.ControlCharacterFilter;
import org.colearn.server.system.Database;
import org.colearn.server.system.Deferred;
import org.colearn.server.system.HealthResource;
import org.colearn.server.system.Json;
import org.colearn.server.system.Metrics;
import org.colearn.server.system.MetricsResource;
import org.colearn.server.system.ProblemMappers;
import org.colearn.server.system.SecurityHeaders;
import org.colearn.server.system.StaticFiles;
import org.colearn.server.system.WebSocketContainer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A running Colearn server: the wiring that {@code main} and every test use. REST under {@code /api}, WebSockets
 * under {@code /ws} and the web app at {@code /}, all on one Grizzly port.
 */
public final class ColearnServer implements AutoCloseable {

    /** Largest request body accepted, in bytes. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final List<Class<?>> ENTITIES = Stream.concat(Stream.<Class<?>>of(
            Account.class,
            AccessToken.class,
            AddressProof.class,
            PasswordReset.class,
            Collaborative.class,
            Site.class,
            Member.class,
            Invitation.class,
            LearningSession.class,
            AgendaItem.class,
            SessionGuest.class,
            BuddyProfile.class,
            BuddyRound.class,
            BuddyPair.class,
            PairSite.class,
            CheckIn.class,
            Visit.class,
            PairNote.class,
            PairStep.class), Stream.concat(Stories.entities().stream(), Improvement.entities().stream())).toList();

    private final HttpServer http;
    private final WebSocketContainer webSockets;
    private final Database database;
    private final LiveSessions live;
    private final MediaRooms media;

    private final Metrics metrics;
    private final Mailer mailer;
    private final Mixer mixer;
    private final ResourceConfig api;

    private ColearnServer(HttpServer http, WebSocketContainer webSockets, Database database, LiveSessions live, MediaRooms media,
            Metrics metrics, Mailer mailer, Mixer mixer, ResourceConfig api) {
        this.media = media;
        this.api = api;
        this.metrics = metrics;
        this.mailer = mailer;
        this.mixer = mixer;
        this.http = http;
        this.webSockets = webSockets;
        this.database = database;
        this.live = live;
    }

    /**
     * Starts serving: opens the port (static files at once, {@code /api} answering 503 "starting") while the database
     * opens on another thread, and builds the REST application meanwhile on handles that wait for the database. Once
     * the database is open the live sessions start and the REST application is mounted. Returns when the API is ready.
     *
     * @throws Database.DatabaseUnavailableException when the database cannot be opened
     * @throws PortUnavailableException when the port is taken
     */
    public static ColearnServer start(Config config, Clock clock) {
        String kind = Database.kindOf(config.effectiveDbUrl());
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), ENTITIES),
                runnable -> {
                    Thread thread = new Thread(runnable, "colearn-database-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        Plugins plugins;
        try {
            plugins = Plugins.load(List.of(builtinPluginsDir(), config.pluginsDir()));
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("grizzly", config.host(), config.port());
        // Upgraded WebSocket connections share the HTTP idle timeout; keep them open (heartbeats detect dead ones).
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        http.addListener(listener);
        ApiGate gate = new ApiGate();
        http.getServerConfiguration().addHttpHandler(new StaticFiles(ColearnServer.class.getClassLoader(), config.media().browserOrigins()), "/");
        http.getServerConfiguration().addHttpHandler(
                new BrowserLibraries(config.media().javascriptDir()), HttpHandlerRegistration.builder().contextPath("/lib").urlPattern("/*").build());
        http.getServerConfiguration().addHttpHandler(gate, HttpHandlerRegistration.builder().contextPath("/api").urlPattern("/*").build());
        http.getServerConfiguration().addHttpHandler(
                new PluginFiles(plugins), HttpHandlerRegistration.builder().contextPath("/plugins").urlPattern("/*").build());
        WebSocketContainer webSockets = WebSocketContainer.mount(listener, Set.of(ConnectivityEndpoint.class));
        try {
            webSockets.start("", config.port());
            http.start();
        } catch (IOException | DeploymentException e) {
            webSockets.stop();
            http.shutdownNow();
            opening.thenAccept(Database::close);
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortUnavailableException(config.port(), e);
            }
            throw new IllegalStateException("cannot start serving: " + e.getMessage(), e);
        }
        // Calls through these wait for the database. Building on them lets Jersey start beside the pool, Flyway and
        // Hibernate; the REST application is mounted, and the live sessions start, only once the database is open.
        SessionFactory sessions = Deferred.of(SessionFactory.class, opening.thenApply(Database::sessions));
        DataSource connections = Deferred.of(DataSource.class, opening.thenApply(Database::dataSource));
        Metrics metrics = new Metrics();
        Mailer mailer = new Mailer(config.smtp());
        AuthService auth = new AuthService(sessions, clock, config.tokenLifetime(), mailer, new PendingMemberships());
        // Nodes on one PostgreSQL share its sessions; an embedded database has one node.
        Optional<String> clusterNodeUrl = kind.equals("postgresql")
                ? Optional.of(config.effectiveNodeUrl(http.getListener("grizzly").getPort()))
                : Optional.empty();
        MediaRooms media = new MediaRooms(config.media(), clock);
        LiveSessions live = new LiveSessions(sessions, connections, auth, clock, plugins, metrics.registry(), clusterNodeUrl, media);
        ResourceConfig api;
        GrizzlyHttpContainer container;
        Database database;
        try {
            api = application(config, clock, kind, sessions, connections, auth, plugins, live, metrics);
            container = ContainerFactory.createContainer(GrizzlyHttpContainer.class, api);
            database = opening.join();
        } catch (RuntimeException e) {
            live.close();
            media.close();
            webSockets.stop();
            http.shutdownNow();
            metrics.close();
            mailer.close();
            opening.thenAccept(Database::close);
            // When the database could not be opened, that is the one reason to give, whatever else failed meanwhile.
            throw reason(opening, e);
        }
        database.measure(metrics.registry());
        live.start();
        try {
            webSockets.register(LiveEndpoint.config(live, config.publicUrl()));
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the live-session socket: " + e.getMessage(), e);
        }
        gate.open(container);
        return new ColearnServer(http, webSockets, database, live, media, metrics, mailer, Stories.mixer(database.sessions(), clock), api);
    }

    /** Why the database could not be opened, if it could not; otherwise {@code meanwhile}, what failed instead. */
    private static RuntimeException reason(CompletableFuture<Database> opening, RuntimeException meanwhile) {
        Throwable failure = opening.handle((database, thrown) -> thrown).getNow(null);
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }
        return failure instanceof RuntimeException cause ? cause : meanwhile;
    }

    /** The classes of the REST resources this server answers with under {@code /api}: every endpoint is a method of one. */
    public Set<Class<?>> resourceClasses() {
        return api.getInstances().stream()
                .map(Object::getClass)
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The REST application: every resource, filter and mapper, built from plain constructors. */
    static ResourceConfig application(Config config, Clock clock, String databaseKind, SessionFactory sessions, DataSource connections,
            AuthService auth, Plugins plugins, LiveSessions live, Metrics metrics) {
        ResourceConfig api = new ResourceConfig();
        api.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        api.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        api.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        api.register(JacksonFeature.withoutExceptionMappers());
        api.register(new Json());
        api.register(new BodyLimitFilter(MAX_BODY_BYTES));
        api.register(new ControlCharacterFilter());
        api.register(new SecurityHeaders());
        api.register(new AuthFilter(auth, config.publicUrl()));
        ProblemMappers.all().forEach(api::register);
        api.register(new HealthResource(databaseKind, connections, live::ready));
        api.register(new MetricsResource(metrics));
        api.register(new AuthResource(auth, config.publicUrl()));
        api.register(new MeResource(auth));
        api.register(new CollaborativeResource(sessions, clock));
        api.register(new SiteResource(sessions, clock));
        api.register(new MemberResource(sessions, clock, live));
        api.register(new SiteMoves(sessions, clock, live));
        api.register(new InvitationResource(sessions, clock, config.publicUrl()));
        api.register(new JoinResource(sessions, clock));
        api.register(new ClaimantResource(sessions));
        api.register(new SessionResource(sessions, clock, plugins));
        api.register(new LiveActivitiesResource(sessions));
        api.register(new SessionByIdResource(sessions, plugins, live, live));
        api.register(new LiveMessageResource(live));
        api.register(new ActivityTypeResource(plugins));
        api.register(new Guests(sessions, clock));
        Stories.resources(sessions, clock, databaseKind).forEach(api::register);
        Improvement.resources(sessions, clock).forEach(api::register);
        api.register(new ProfileResource(sessions, clock));
        api.register(new RoundResource(sessions, clock));
        api.register(new PairResource(sessions, clock));
        api.register(new SpaceResource(sessions, clock, Stories.forPairSpaces()));
        return api;
    }

    /**
     * Where the built-in activity plugins are: the {@code plugins} folder beside colearn.jar, or the folder named by
     * the system property {@code colearn.builtin.plugins} (the build sets it for tests, which run from classes).
     */
    static Path builtinPluginsDir() {
        String configured = System.getProperty("colearn.builtin.plugins");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(ColearnServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return (Files.isRegularFile(code) ? code.getParent() : code).resolve("plugins");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("plugins");
        }
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int port() {
        return http.getListener("grizzly").getPort();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        // Live sessions first: their clients are asked to reconnect elsewhere while the sockets are still open.
        live.close();
        media.close();
        http.shutdownNow();
        webSockets.stop();
        mixer.close();
        database.close();
        metrics.close();
        mailer.close();
    }

    /** The configured port is in use by another program. */
    public static final class PortUnavailableException extends RuntimeException {
        PortUnavailableException(int port, Throwable cause) {
            super("port " + port + " is already in use; stop the other program or choose another port with --port or COLEARN_PORT", cause);
        }
    }
}
