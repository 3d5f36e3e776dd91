package org.chapkit.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem response directly to the servlet response, for code that runs outside Spring MVC (filters). */
public final class ProblemResponseWriter {

    private final ObjectMapper mapper;
    private final ProblemRendering rendering;

    public ProblemResponseWriter(ObjectMapper mapper) {
        this(mapper, ProblemRendering.unchanged());
    }

    /**
     * @param mapper writes the JSON
     * @param rendering the contract generation's shape of problems
     */
    public ProblemResponseWriter(ObjectMapper mapper, ProblemRendering rendering) {
        this.mapper = mapper;
        this.rendering = rendering;
    }

    /** Writes {@code problem} as {@code application/problem+json} with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(null, response, problem);
    }

    /** Writes {@code problem}, shaped for {@code request}, as {@code application/problem+json} with its status. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem = rendering.render(problem, null, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), members(problem));
    }

    /**
     * {@code problem}, shaped for {@code request}, as the JSON bytes of the body, for code that owns the response
     * itself (Tomcat's error report valve).
     */
    public byte[] body(HttpServletRequest request, ProblemDetail problem) {
        return mapper.writeValueAsBytes(members(rendering.render(problem, null, request)));
    }

    /** The contract generation's shape of problems. */
    public ProblemRendering rendering() {
        return rendering;
    }

    /** The problem's members as one flat JSON object, extensions included. */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
