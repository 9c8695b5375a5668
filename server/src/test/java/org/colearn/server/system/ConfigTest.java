package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void withNothingSetItServesPort8080OnAnH2FileUnderData() {
        Config config = Config.from(new String[0], Map.of());
        assertEquals(8080, config.port());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(Optional.empty(), config.dbUrl());
        assertTrue(config.effectiveDbUrl().startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("colearn")));
        assertEquals(Path.of("data", "plugins"), config.pluginsDir());
        assertEquals(Duration.ofDays(30), config.tokenLifetime());
    }

    @Test
    void environmentVariablesSetEverySetting() {
        Config config = Config.from(new String[0], Map.of(
                "COLEARN_PORT", "9090",
                "COLEARN_DATA_DIR", "/var/lib/colearn",
                "COLEARN_DB_URL", "jdbc:postgresql://db:5432/colearn",
                "COLEARN_DB_USER", "colearn",
                "COLEARN_DB_PASSWORD", "secret",
                "COLEARN_PLUGINS_DIR", "/opt/plugins"));
        assertEquals(9090, config.port());
        assertEquals("jdbc:postgresql://db:5432/colearn", config.effectiveDbUrl());
        assertEquals("colearn", config.dbUser());
        assertEquals("secret", config.dbPassword());
        assertEquals(Path.of("/opt/plugins"), config.pluginsDir());
    }

    @Test
    void flagsWinOverEnvironmentVariablesInBothSpellings() {
        Config config = Config.from(new String[] {"--port=7070", "--data-dir", "/tmp/x"}, Map.of("COLEARN_PORT", "9090"));
        assertEquals(7070, config.port());
        assertEquals(Path.of("/tmp/x"), config.dataDir());
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        assertEquals(8080, Config.from(new String[0], Map.of("COLEARN_PORT", " ")).port());
    }

    @Test
    void badValuesAreRefusedWithAMessageNamingTheSetting() {
        assertEquals("port must be a whole number, got 'eighty'",
                assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--port=eighty"}, Map.of())).getMessage());
        assertEquals("port must be between 0 and 65535, got 70000",
                assertThrows(IllegalArgumentException.class, () -> Config.from(new String[0], Map.of("COLEARN_PORT", "70000"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--port"}, Map.of()))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"8080"}, Map.of()))
                .getMessage().contains("unexpected argument '8080'"));
    }

    @Test
    void anH2DatabaseWritesEachCommitAtTheEndOfItsFileUnlessItsUrlSaysOtherwise() {
        assertEquals("jdbc:h2:file:/srv/colearn/colearn;AUTO_SERVER=FALSE;DEFRAG_ALWAYS=TRUE;REUSE_SPACE=FALSE;WRITE_DELAY=0",
                Database.durableH2("jdbc:h2:file:/srv/colearn/colearn;AUTO_SERVER=FALSE"));
        assertEquals("jdbc:h2:file:/srv/colearn/colearn;write_delay=200;DEFRAG_ALWAYS=TRUE;REUSE_SPACE=FALSE",
                Database.durableH2("jdbc:h2:file:/srv/colearn/colearn;write_delay=200"));
    }

    @Test
    void databaseKindIsTakenFromTheUrl() {
        assertEquals("h2", Database.kindOf("jdbc:h2:file:/tmp/x"));
        assertEquals("postgresql", Database.kindOf("jdbc:postgresql://localhost/colearn"));
        assertTrue(assertThrows(Database.DatabaseUnavailableException.class, () -> Database.kindOf("jdbc:mysql://x/y"))
                .getMessage().contains("unsupported database URL"));
    }
}
