package org.chapkit.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One component of a record (a config record, a record nested in it, or a response record) as seen on the wire.
 *
 * @param javaName the component name
 * @param jsonName the wire name: {@link JsonProperty} if given, otherwise snake_case of the component name
 * @param type the component's generic type
 * @param raw the component's class
 * @param annotations annotations of the component, its field and its accessor
 */
public record RecordProperty(String javaName, String jsonName, Type type, Class<?> raw, List<Annotation> annotations) {

    /** The components of {@code record}, in declaration order. */
    public static List<RecordProperty> of(Class<?> record) {
        List<RecordProperty> properties = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<Annotation> annotations = new ArrayList<>(List.of(component.getAnnotations()));
            annotations.addAll(List.of(component.getAccessor().getAnnotations()));
            try {
                Field field = record.getDeclaredField(component.getName());
                annotations.addAll(List.of(field.getAnnotations()));
            } catch (NoSuchFieldException ex) {
                throw new IllegalStateException("Record component without a field: " + component, ex);
            }
            properties.add(new RecordProperty(
                    component.getName(),
                    jsonName(component.getName(), annotations),
                    component.getGenericType(),
                    component.getType(),
                    List.copyOf(annotations)));
        }
        return List.copyOf(properties);
    }

    /** The annotation of {@code type} on the component, its field or its accessor, or null. */
    public <A extends Annotation> A annotation(Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    /** Whether the component, its field or its accessor carries an annotation of {@code type}. */
    public boolean has(Class<? extends Annotation> type) {
        return annotation(type) != null;
    }

    private static String jsonName(String javaName, List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof JsonProperty property && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return snakeCase(javaName);
    }

    /** snake_case as Jackson's {@code PropertyNamingStrategies.SNAKE_CASE} translates names. */
    public static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.length() * 2);
        boolean previousTranslated = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 || c != '_') {
                if (Character.isUpperCase(c)) {
                    if (!previousTranslated && !result.isEmpty() && result.charAt(result.length() - 1) != '_') {
                        result.append('_');
                    }
                    c = Character.toLowerCase(c);
                    previousTranslated = true;
                } else {
                    previousTranslated = false;
                }
                result.append(c);
            }
        }
        return result.toString();
    }
}
