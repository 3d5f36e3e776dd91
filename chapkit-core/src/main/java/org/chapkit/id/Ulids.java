package org.chapkit.id;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Creates and checks ULIDs in chapkit's wire form: 26 upper-case Crockford base32 characters. New ids are
 * monotonic within a millisecond, so ids created by one process sort in creation order.
 */
public final class Ulids {

    private Ulids() {}

    /** A new ULID string. */
    public static String newUlid() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    /** Whether {@code value} is a valid ULID (case-insensitive, as python-ulid accepts). */
    public static boolean isValid(String value) {
        return value != null && Ulid.isValid(value);
    }

    /**
     * Returns the canonical upper-case form of {@code value}.
     *
     * @throws InvalidUlidException when the value is not a ULID
     */
    public static String requireValid(String value) {
        if (!isValid(value)) {
            throw new InvalidUlidException(value);
        }
        return Ulid.from(value).toString();
    }
}
