package io.configcicd.core.impact;

import java.util.List;

/**
 * The adjustments applied on top of a change's base level ({@code risk.modifiers} in {@code config-cicd.yaml}).
 *
 * <pre>
 * risk:
 *   modifiers:
 *     protected_raise: true        # a protected environment (production unless declared otherwise) raises one level
 *     development_lower: true      # an environment named in lowered_environments lowers one level
 *     lowered_environments: [development, dev, local]
 *     numeric_cut_raise: 0.5       # a positive number cut by more than this fraction raises one; false disables
 *     removal_raise: true          # a removed key raises one level
 *     type_change_raise: true      # a value whose type changed (string to integer, scalar to list) raises one
 * </pre>
 *
 * @param protectedRaise       raise changes in protected environments
 * @param developmentLower     lower changes in the lowered environments
 * @param loweredEnvironments  the environments that {@code developmentLower} applies to
 * @param numericCutRaise      the fraction a number must be cut by (strictly more) to raise; 0 or less disables
 * @param removalRaise         raise removals
 * @param typeChangeRaise      raise type changes
 */
public record RiskModifiers(boolean protectedRaise, boolean developmentLower, List<String> loweredEnvironments,
                            double numericCutRaise, boolean removalRaise, boolean typeChangeRaise) {

    public RiskModifiers {
        loweredEnvironments = List.copyOf(loweredEnvironments);
    }

    /** Every modifier on, a cut by more than half raising, development, dev and local lowered. */
    public static RiskModifiers defaults() {
        return new RiskModifiers(true, true, List.of("development", "dev", "local"), 0.5, true, true);
    }
}
