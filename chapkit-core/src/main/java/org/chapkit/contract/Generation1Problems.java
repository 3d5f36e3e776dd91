package org.chapkit.contract;

import jakarta.servlet.http.HttpServletRequest;
import org.chapkit.problem.ProblemRendering;
import org.springframework.http.ProblemDetail;

/** Generation 1 leaves problems as chapkit for Java has always written them. */
final class Generation1Problems implements ProblemRendering {

    @Override
    public ProblemDetail render(ProblemDetail problem, Throwable cause, HttpServletRequest request) {
        return problem;
    }
}
