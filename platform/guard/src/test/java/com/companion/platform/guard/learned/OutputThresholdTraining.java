package com.companion.platform.guard.learned;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The calibration tool for the output thresholds: prints the thresholds {@link OutputCalibration} chooses with the
 * committed weights, as the {@link OutputThresholds#CALIBRATED} constant to paste, and their figures. Not part of the
 * test run; run it after retraining the weights or changing {@code calibration/output-allowed.tsv} with
 *
 * <pre>./mvnw -pl platform/guard test -Ptrain -Dtest=OutputThresholdTraining</pre>
 *
 * then {@code OutputThresholdsTest} checks the constant.
 */
class OutputThresholdTraining {

    @Test
    void calibrateAndPrint() {
        OutputCalibration.Result result = OutputCalibration.run();
        OutputThresholds t = result.thresholds();
        System.out.println(result.report());
        System.out.printf(
                Locale.ROOT,
                "%npublic static final OutputThresholds CALIBRATED = new OutputThresholds(%.3f, %.3f, %.3f, %.3f, %.3f,"
                        + " %.3f);%n",
                t.s4(),
                t.s3(),
                t.s11(),
                t.s12(),
                t.minorSexual(),
                t.context());
    }
}
