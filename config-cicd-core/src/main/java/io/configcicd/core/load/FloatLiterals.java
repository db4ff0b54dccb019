package io.configcicd.core.load;

import io.configcicd.core.model.Origin;

/**
 * The rule for a decimal float literal that a 64-bit floating-point number cannot hold, the same in YAML, JSON and
 * TOML (and for {@code set --value}): it is refused, not changed. {@code 1e400} would become infinity and
 * {@code 1e-400} would become 0.0; infinity written as such (YAML {@code .inf}, TOML {@code inf}) is not a literal
 * of this kind and stays infinity.
 */
public final class FloatLiterals {

    private FloatLiterals() {
    }

    /**
     * The value of a decimal literal, checked.
     *
     * @param literal the literal as written (digits, sign, '.', exponent, TOML's '_')
     * @param value   what the literal parses to
     * @throws ConfigParseException at {@code where} when the literal overflows to infinity or a literal with a
     *                              non-zero digit underflows to zero
     */
    public static double checked(String literal, double value, Origin where) {
        if (Double.isInfinite(value)) {
            throw outOfRange(where, "infinity");
        }
        if (value == 0.0 && hasNonZeroMantissa(literal)) {
            throw outOfRange(where, "0.0");
        }
        return value;
    }

    private static boolean hasNonZeroMantissa(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static ConfigParseException outOfRange(Origin where, String storedAs) {
        return new ConfigParseException(where, "number out of range: a 64-bit floating-point number cannot hold it "
                + "(it would be stored as " + storedAs + ")",
                "quote it to store it as text, or write a number from ±4.9e-324 to ±1.8e308");
    }
}
