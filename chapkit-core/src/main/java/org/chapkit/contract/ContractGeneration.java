package org.chapkit.contract;

import java.util.Arrays;
import org.chapkit.crud.CreateSemantics;
import org.chapkit.crud.UpdateSemantics;
import org.chapkit.problem.ProblemRendering;
import org.springframework.http.HttpStatus;

/**
 * The generation of chapkit's wire contract a service speaks, set with {@code chapkit.contract.generation}. Every
 * difference between the generations is decided here, so controllers and managers ask this type instead of
 * comparing numbers:
 *
 * <ul>
 *   <li>{@link #GENERATION_1}: chapkit 1.x / servicekit 1.0 as chap-core 1.x expects it: {@code POST} upserts,
 *       {@code PUT} replaces, validation answers 400 with {@code errors: [{field, message}]}, {@code /health} is
 *       always 200, and {@code /api/v1/info} has exactly the 1.x key set (chap-core 1.x validates it with
 *       {@code extra="forbid"}).
 *   <li>{@link #GENERATION_2} (the default): chapkit 2.x / servicekit 2.0: {@code POST} is create-only (409 for an
 *       existing id), {@code PUT} applies exactly the fields sent, a stale {@code If-Match} answers 412, every error
 *       carries {@code trace_id}, validation answers 422 with FastAPI's {@code errors: [{loc, type, msg}]}, integrity
 *       violations answer 409 with {@code constraint}, {@code /health} answers 503 when unhealthy, and
 *       {@code /api/v1/info} adds {@code target}, {@code hpo_search_space} and the provenance fields.
 * </ul>
 */
public enum ContractGeneration {
    GENERATION_1(1, new Generation1Problems()),
    GENERATION_2(2, new Generation2Problems());

    /** The generation a service speaks when {@code chapkit.contract.generation} is not set. */
    public static final ContractGeneration DEFAULT = GENERATION_2;

    private final int number;
    private final ProblemRendering problems;

    ContractGeneration(int number, ProblemRendering problems) {
        this.number = number;
        this.problems = problems;
    }

    /**
     * The generation with {@code number}.
     *
     * @throws IllegalArgumentException when there is no such generation
     */
    public static ContractGeneration of(int number) {
        return Arrays.stream(values())
                .filter(g -> g.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapkit.contract.generation must be 1 (chap-core 1.x)"
                        + " or 2 (chap-core 2.x, chapkit 2.x), got " + number));
    }

    /** The generation's number, 1 or 2. */
    public int number() {
        return number;
    }

    /** What {@code POST} on configs and artifacts does with an id that exists. */
    public CreateSemantics creates() {
        return this == GENERATION_1 ? CreateSemantics.UPSERT : CreateSemantics.CREATE_ONLY;
    }

    /** How {@code PUT} on configs and artifacts reads its body. */
    public UpdateSemantics updates() {
        return this == GENERATION_1 ? UpdateSemantics.REPLACE : UpdateSemantics.SENT_FIELDS;
    }

    /** How error responses look. */
    public ProblemRendering problems() {
        return problems;
    }

    /** The HTTP status of {@code GET /health} when the overall state is, or is not, unhealthy. */
    public HttpStatus healthStatus(boolean unhealthy) {
        return this == GENERATION_2 && unhealthy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
    }

    /**
     * Whether {@code $generate-sample-data} refuses a malformed (400) or unknown (404) {@code config_id} (chapkit
     * 2.1.3) instead of ignoring it.
     */
    public boolean sampleDataRequiresKnownConfig() {
        return this == GENERATION_2;
    }

    /**
     * Whether {@code /api/v1/info} carries the 2.x fields ({@code target}, {@code hpo_search_space},
     * {@code git_revision}, {@code chapkit_version}, {@code servicekit_version}) and accepts {@code period_type: any}.
     */
    public boolean infoHasGeneration2Fields() {
        return this == GENERATION_2;
    }
}
