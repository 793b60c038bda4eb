package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;

/**
 * Where the learned layer blocks on model output ({@link com.companion.platform.guard.Stage#OUTPUT}). The weights'
 * thresholds were chosen on users' messages; a companion's reply is warmer, more affectionate and more often about
 * feelings, family and bed-time than a message, and at those thresholds the heads refused 20 of 508 harmless replies
 * (16 of them S11 reading comfort as talk about self-harm), and 18 of 200 of the offline LLM's replies in the worker.
 * On output each part blocks at the higher of its input threshold and its output threshold here; a value above 1
 * turns that part off on output (a score never reaches it).
 *
 * <p>The weights and their input thresholds are not changed by this. {@link #CALIBRATED} comes from {@code
 * OutputThresholdTraining} ({@code ./mvnw -pl platform/guard test -Ptrain -Dtest=OutputThresholdTraining}), see the
 * guard's README § Output thresholds: per part, the lowest threshold at which it blocks at most its share of 0.5 % of
 * harmless companion replies ({@code calibration/output-allowed.tsv}, scored with the committed weights) and no more
 * of the corpus's allowed output lines (scored out of fold) than the trainer's input budget for it. {@code
 * OutputThresholdsTest} fails when the committed weights or the calibration replies no longer give these values.
 *
 * @param s4 the S4 head (sexual content with a minor)
 * @param s3 the S3 head (non-consent, incest, bestiality)
 * @param s11 the S11 head (encouragement of self-harm)
 * @param s12 the S12 head (sexual content; outside adult mode only)
 * @param minorSexual the S12 score that, with a minor mentioned (the minor-age head at its threshold), reads as sexual
 *     content with a minor
 * @param context with a minor established earlier in the conversation, the max of the S4 and S12 scores that reads as
 *     sexual intent towards them
 */
public record OutputThresholds(double s4, double s3, double s11, double s12, double minorSexual, double context) {

    /** Above any score: that part of the layer does not block on output. */
    public static final double OFF = 2;

    /** Everything at the input thresholds: the layer as it was before output calibration. */
    public static final OutputThresholds INPUT = new OutputThresholds(0, 0, 0, 0, 0, 0);

    /** Calibrated on model output; see the class comment and the README for the figures. */
    public static final OutputThresholds CALIBRATED = new OutputThresholds(0.883, 0.916, 0.983, 0.964, 0.725, 0.974);

    /** The threshold of a category head on output, given its input threshold. */
    public double of(Category category, double inputThreshold) {
        double output = switch (category) {
            case S4 -> s4;
            case S3 -> s3;
            case S11 -> s11;
            case S12 -> s12;
            default -> 0;
        };
        return Math.max(inputThreshold, output);
    }
}
