package io.didplatform.support.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request field as free text (notes, a description): besides what {@link TextRule} allows everywhere,
 * it may hold TAB, LF and CR. On a record component it reaches the constructor parameter Jackson reads.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
