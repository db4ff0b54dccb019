package io.configcicd.core.security.access;

import java.util.regex.Pattern;

/** An environment name pattern: {@code *} matches any run of characters, {@code ?} one; case-sensitive. */
record EnvironmentGlob(String text, Pattern pattern) {

    static EnvironmentGlob of(String text) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new EnvironmentGlob(text, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String environment) {
        return pattern.matcher(environment).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
