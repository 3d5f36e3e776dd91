package org.chapkit.security.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Keys are compared in constant time. Timing itself is not a unit test, so this asserts from the bytecode which
 * comparisons the verification code makes: {@link MessageDigest#isEqual} through {@link KeyDigest#matches}, and
 * never {@code String.equals} or {@code Arrays.equals}, which return at the first differing character.
 */
class KeyComparisonTests {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("org.chapkit.security");
    private static final Set<String> EARLY_EXIT = Set.of("equals", "equalsIgnoreCase", "contentEquals", "compareTo");

    @Test
    void keyDigestMatchesIsMessageDigestIsEqual() {
        JavaMethod matches = CLASSES.get(KeyDigest.class).getMethod("matches", byte[].class, byte[].class);
        assertThat(matches.getMethodCallsFromSelf())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(MessageDigest.class)
                        && call.getName().equals("isEqual"));
        assertThat(matches.getMethodCallsFromSelf()).noneMatch(earlyExit());
    }

    @Test
    void configuredKeysAreComparedThroughKeyDigestOnly() {
        JavaMethod verify = CLASSES.get(ConfiguredApiKeys.class).getMethod("verify", String.class);
        assertThat(verify.getMethodCallsFromSelf())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(KeyDigest.class)
                        && call.getName().equals("matches"));
        assertThat(verify.getMethodCallsFromSelf()).noneMatch(earlyExit());
    }

    @Test
    void managedKeysAreLookedUpByDigestNotComparedAsText() {
        JavaMethod verify = CLASSES.get(ApiKeyManager.class).getMethod("verify", String.class);
        assertThat(verify.getMethodCallsFromSelf())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(KeyDigest.class)
                        && call.getName().equals("hex"));
        assertThat(verify.getMethodCallsFromSelf()).noneMatch(earlyExit());
    }

    @Test
    void everyConfiguredKeyIsComparedEvenAfterAMatch() {
        ConfiguredApiKeys keys = new ConfiguredApiKeys(java.util.List.of(
                new ConfiguredApiKey("first", "same-secret-0123456789", org.chapkit.security.access.Role.VIEWER),
                new ConfiguredApiKey("second", "same-secret-0123456789", org.chapkit.security.access.Role.ADMIN)));
        // The loop keeps the first match but goes on comparing; with a duplicate the first one still wins.
        assertThat(keys.verify("same-secret-0123456789"))
                .hasValueSatisfying(key -> assertThat(key.subject()).isEqualTo("first"));
        assertThat(keys.verify("same-secret-012345678")).isEmpty();
    }

    private static Predicate<JavaMethodCall> earlyExit() {
        return call -> EARLY_EXIT.contains(call.getName())
                && (call.getTargetOwner().isEquivalentTo(String.class)
                        || call.getTargetOwner().isEquivalentTo(Arrays.class)
                        || call.getTargetOwner().isEquivalentTo(Object.class));
    }
}
