package io.configcicd.core.diff;

import io.configcicd.core.security.crypto.SecretChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.diff.Change.Type;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private static final SecretMasker MASKER = new SecretMasker(Settings.DEFAULT_SECRET_KEYS);

    static ConfigMap yaml(String file, String text) {
        return (ConfigMap) Codecs.standard().of(Format.YAML).parse(text.getBytes(StandardCharsets.UTF_8), file, LoadLimits.DEFAULT);
    }

    private static List<Change> diff(String before, String after) {
        return ConfigDiff.between(yaml("global/base.yaml", before), yaml("environments/production.yaml", after), MASKER);
    }

    private static List<String> paths(List<Change> changes) {
        return changes.stream().map(c -> c.path() + " " + c.type()).toList();
    }

    private static Object plain(Optional<ConfigNode> node) {
        return node.map(ConfigNode::toPlain).orElse("<none>");
    }

    @Test
    void addedRemovedAndModifiedScalarsAreFoundByPathAndSortedWithTheirOrigins() {
        List<Change> changes = diff("""
                zeta: 1
                kgot:
                  depth: 3
                  ttl: 60
                """, """
                zeta: 1
                kgot:
                  depth: 5
                alpha: new
                """);

        assertThat(paths(changes)).containsExactly("alpha ADDED", "kgot.depth MODIFIED", "kgot.ttl REMOVED");
        Change depth = changes.get(1);
        assertThat(plain(depth.before())).isEqualTo(3L);
        assertThat(plain(depth.after())).isEqualTo(5L);
        assertThat(depth.beforeOrigin().orElseThrow().toString()).startsWith("global/base.yaml:3");
        assertThat(depth.afterOrigin().orElseThrow().toString()).startsWith("environments/production.yaml:3");
        assertThat(depth.secret()).isEmpty();
        Change alpha = changes.get(0);
        assertThat(alpha.before()).isEmpty();
        assertThat(alpha.beforeOrigin()).isEmpty();
        assertThat(plain(alpha.after())).isEqualTo("new");
        Change ttl = changes.get(2);
        assertThat(ttl.after()).isEmpty();
        assertThat(ttl.afterOrigin()).isEmpty();
        assertThat(plain(ttl.before())).isEqualTo(60L);
    }

    @Test
    void aSubtreeThatAppearsOrDisappearsIsOneChangePerLeaf() {
        List<Change> added = diff("a: 1\n", """
                a: 1
                services:
                  manager: {port: 8080, host: m}
                  worker:
                    port: 9090
                  empty: {}
                """);
        List<Change> removed = diff("services: {x: {y: 1, z: 2}}\n", "{}\n");

        assertThat(paths(added)).containsExactly("services.empty ADDED", "services.manager.host ADDED",
                "services.manager.port ADDED", "services.worker.port ADDED");
        assertThat(plain(added.get(0).after())).isEqualTo(Map.of());
        assertThat(paths(removed)).containsExactly("services.x.y REMOVED", "services.x.z REMOVED");
        assertThat(DiffSummary.of(added)).isEqualTo(new DiffSummary(4, 0, 0, 0, List.of("services")));
    }

    @Test
    void aListIsOneValueThatChangesAsAWholeAtItsPath() {
        List<Change> changed = diff("langs: [python, js, go]\nitems: [{a: 1}]\n", "langs: [python, go]\nitems: [{a: 1}]\n");

        assertThat(paths(changed)).containsExactly("langs MODIFIED");
        assertThat(plain(changed.get(0).before())).isEqualTo(List.of("python", "js", "go"));
        assertThat(plain(changed.get(0).after())).isEqualTo(List.of("python", "go"));
        assertThat(diff("items: [{a: 1}, [2]]\n", "items: [{a: 1}, [3]]\n")).extracting(c -> c.path().toString())
                .containsExactly("items");
        assertThat(diff("langs: [a, b]\n", "langs: [b, a]\n")).hasSize(1);
    }

    @Test
    void aChangeOfKindIsOneModifiedWithBothValues() {
        List<Change> mapToScalar = diff("db: {host: h, port: 5432}\n", "db: postgres://h:5432\n");
        List<Change> intToFloat = diff("ratio: 5\n", "ratio: 5.0\n");
        List<Change> stringToInt = diff("port: '80'\n", "port: 80\n");

        assertThat(paths(mapToScalar)).containsExactly("db MODIFIED");
        assertThat(plain(mapToScalar.get(0).before())).isEqualTo(Map.of("host", "h", "port", 5432L));
        assertThat(plain(mapToScalar.get(0).after())).isEqualTo("postgres://h:5432");
        assertThat(paths(intToFloat)).containsExactly("ratio MODIFIED");
        assertThat(plain(intToFloat.get(0).after())).isEqualTo(5.0);
        assertThat(paths(stringToInt)).containsExactly("port MODIFIED");
        assertThat(paths(diff("x: []\n", "x: {}\n"))).containsExactly("x MODIFIED");
    }

    @Test
    void anExplicitNullInAnOverrideRemovesTheKeyFromTheEffectiveConfiguration() {
        ConfigMap base = yaml("global/base.yaml", "debug_ui: true\nkgot: {depth: 3, trace: on}\n");
        ConfigMap prod = yaml("environments/production.yaml", "debug_ui: null\nkgot: {trace: null}\n");

        List<Change> changes = ConfigDiff.between(base, Merger.merge(List.of(base, prod)), MASKER);

        assertThat(paths(changes)).containsExactly("debug_ui REMOVED", "kgot.trace REMOVED");
    }

    @Test
    void effectiveValuesAreCarriedWithTheirOriginButWithoutTheirMergeHistory() {
        ConfigMap base = yaml("global/base.yaml", "kgot: {depth: 3, ttl: 60}\n");
        ConfigMap prod = yaml("environments/production.yaml", "kgot:\n  depth: 5\n");

        List<Change> changes = ConfigDiff.between(base, Merger.merge(List.of(base, prod)), MASKER);

        assertThat(paths(changes)).containsExactly("kgot.depth MODIFIED");
        assertThat(changes.get(0).afterOrigin().orElseThrow().toString()).isEqualTo("environments/production.yaml:2:10");
        assertThat(changes.get(0).after().orElseThrow().overridden()).isEmpty();
    }

    @Test
    void aValueMovedToAnotherFileOrLineOrKeyOrderIsNoChange() {
        ConfigMap before = yaml("global/a.yaml", "x: 1\nnested: {b: [1, 2], a: 2.5}\n");
        ConfigMap after = yaml("global/b.yaml", "\n\nnested:\n  a: 2.5\n  b:\n    - 1\n    - 2\nx: 1\n");

        assertThat(ConfigDiff.between(before, after, MASKER)).isEmpty();
        assertThat(ConfigDiff.between(before, before, MASKER)).isEmpty();
    }

    @Test
    void secretsAreNeverCarriedAndTheirStatusSaysWhatHappened() {
        List<Change> changes = diff("""
                db: {password: old-pass-1, user: app}
                api_token: tok-gone-2
                stable_secret: same-3
                """, """
                db: {password: new-pass-4, user: app2}
                stable_secret: same-3
                client_secret: brand-new-5
                """);

        assertThat(paths(changes)).containsExactly("api_token REMOVED", "client_secret ADDED",
                "db.password MODIFIED", "db.user MODIFIED");
        assertThat(changes.get(0).secret()).contains(SecretChange.REMOVED);
        assertThat(changes.get(1).secret()).contains(SecretChange.ADDED);
        assertThat(changes.get(2).secret()).contains(SecretChange.ROTATED);
        assertThat(changes.get(3).secret()).isEmpty();
        for (Change c : changes.subList(0, 3)) {
            assertThat(c.before()).isEmpty();
            assertThat(c.after()).isEmpty();
            assertThat(c.isSecret()).isTrue();
        }
        assertThat(changes.get(2).beforeOrigin()).isPresent();
        assertThat(changes.toString()).doesNotContain("old-pass", "tok-gone", "same-3", "brand-new", "new-pass");
    }

    @Test
    void secretStatusListsEverySecretIncludingUnchangedOnes() {
        ConfigMap before = yaml("a.yaml", "db: {password: p1}\nstable_token: t\nold_secret: o\nusers: [{name: a, password: u1}]\n");
        ConfigMap after = yaml("b.yaml", "db: {password: p2}\nstable_token: t\nnew_secret: n\nusers: [{name: b, password: u1}]\n");

        assertThat(new ConfigDiff(MASKER).secretStatus(before, after)).containsExactly(
                Map.entry(ConfigPath.parse("db.password"), SecretChange.ROTATED),
                Map.entry(ConfigPath.parse("new_secret"), SecretChange.ADDED),
                Map.entry(ConfigPath.parse("old_secret"), SecretChange.REMOVED),
                Map.entry(ConfigPath.parse("stable_token"), SecretChange.UNCHANGED),
                Map.entry(ConfigPath.parse("users[0].password"), SecretChange.UNCHANGED));
    }

    @Test
    void aListOrMappingValueThatHoldsSecretsIsMaskedAndSaysWhetherTheyChanged() {
        List<Change> rotated = diff("users: [{name: a, password: hunter2}]\n", "users: [{name: a, password: hunter3}]\n");
        List<Change> renamed = diff("users: [{name: a, password: hunter2}]\n", "users: [{name: b, password: hunter2}]\n");
        List<Change> typeChange = diff("db: {password: hunter2}\n", "db: postgres://h\n");

        assertThat(paths(rotated)).containsExactly("users MODIFIED");
        assertThat(rotated.get(0).secret()).contains(SecretChange.ROTATED);
        assertThat(plain(rotated.get(0).before())).isEqualTo(List.of(Map.of("name", "a", "password", SecretMasker.MASK)));
        assertThat(renamed.get(0).secret()).contains(SecretChange.UNCHANGED);
        assertThat(plain(renamed.get(0).after())).isEqualTo(List.of(Map.of("name", "b", "password", SecretMasker.MASK)));
        assertThat(typeChange.get(0).secret()).contains(SecretChange.REMOVED);
        assertThat(List.of(rotated, renamed, typeChange).toString()).doesNotContain("hunter");
    }

    @Test
    void aSecretOfEitherSideIsMaskedInsideOrdinaryValuesWithItsEncodingsAndUrlPasswordsByShape() {
        String b64 = java.util.Base64.getEncoder().encodeToString("old-Secret-Pa55".getBytes(StandardCharsets.UTF_8));
        List<Change> changes = diff("""
                db:
                  password: old-Secret-Pa55
                  conn: postgres://admin:old-Secret-Pa55@db.internal/app
                  b64: %s
                  note: was old-Secret-Pa55
                  hosts: [a, "admin:old-Secret-Pa55"]
                """.formatted(b64), """
                db:
                  password: new-Secret-Pa66
                  conn: postgres://admin:new-Secret-Pa66@db.internal/app
                  b64: fresh
                  note: now new-Secret-Pa66
                  hosts: [a]
                  other: mysql://root:never-a-known-secret@h/x
                """);

        assertThat(changes.toString()).doesNotContain("old-Secret-Pa55", "new-Secret-Pa66", b64, "never-a-known-secret");
        assertThat(changes.stream().map(c -> c.path() + " " + plain(c.before()) + " -> " + plain(c.after())))
                .containsExactly(
                        "db.b64 ****** -> fresh",
                        "db.conn postgres://admin:******@db.internal/app -> postgres://admin:******@db.internal/app",
                        "db.hosts [a, admin:******] -> [a]",
                        "db.note was ****** -> now ******",
                        "db.other <none> -> mysql://root:******@h/x",
                        "db.password <none> -> <none>");
        assertThat(changes.get(1).secret()).contains(SecretChange.ROTATED);
        assertThat(changes.get(3).secret()).isEmpty();
        assertThat(changes.get(1).afterOrigin().orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void theFingerprintFunctionDecidesWhetherASecretWasRotated() {
        List<String> seen = new ArrayList<>();
        ConfigDiff blind = new ConfigDiff(MASKER, text -> {
            seen.add(text);
            return "same";
        });
        ConfigMap before = yaml("a.yaml", "db_password: one\nport: 1\n");
        ConfigMap after = yaml("a.yaml", "db_password: two\nport: 2\n");

        assertThat(paths(blind.diff(before, after))).containsExactly("port MODIFIED");
        assertThat(seen).hasSize(2);
        assertThat(paths(new ConfigDiff(MASKER, String::valueOf).diff(before, after)))
                .containsExactly("db_password MODIFIED", "port MODIFIED");
    }

    @Test
    void twentyThousandKeysDiffWithEveryTenthChanged() {
        ConfigMap before = BigTrees.tree(2_000, 10, 0);
        ConfigMap after = BigTrees.tree(2_000, 10, 1);

        List<Change> changes = ConfigDiff.between(before, after, MASKER);

        assertThat(changes).hasSize(2_000).allMatch(c -> c.type() == Type.MODIFIED);
        assertThat(changes.get(0).path().toString()).isEqualTo("section0000.key0");
        assertThat(DiffSummary.of(changes).sections()).hasSize(2_000);
    }

    @Test
    void aSecretReEncryptedWithTheSameValueIsUnchangedWhenTheKeyOpensIt() {
        var cipher = new io.configcicd.core.security.crypto.SecretCipher(io.configcicd.core.security.crypto.KeyRing.of(
                io.configcicd.core.security.crypto.SecretKeyMaterial.generate()));
        String before = "db:\n  password: " + cipher.encrypt("hunter2") + "\n";
        String reEncrypted = "db:\n  password: " + cipher.encrypt("hunter2") + "\n";
        String changed = "db:\n  password: " + cipher.encrypt("hunter3") + "\n";
        ConfigDiff opening = new ConfigDiff(MASKER).opening(cipher.opener());

        assertThat(opening.diff(yaml("a.yaml", before), yaml("a.yaml", reEncrypted))).isEmpty();
        assertThat(opening.diff(yaml("a.yaml", before), yaml("a.yaml", changed))).singleElement()
                .satisfies(c -> assertThat(c.secret()).contains(SecretChange.ROTATED));
        assertThat(diff(before, reEncrypted)).singleElement()
                .satisfies(c -> assertThat(c.secret()).contains(SecretChange.ROTATED));
    }
}
