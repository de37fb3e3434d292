package io.didplatform.packages.command;

import io.didplatform.support.web.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its code, the part clients rely on. */
public final class DomainExceptions {
    private DomainExceptions() {
    }

    public static Matcher<DomainException> withCode(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code " + code);
            }
        };
    }
}
