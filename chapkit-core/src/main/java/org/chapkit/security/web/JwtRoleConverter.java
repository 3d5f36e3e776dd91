package org.chapkit.security.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chapkit.security.access.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a JWT to one of the three roles: the highest role named in the configured claim (a list or a space-separated
 * string, such as {@code roles} or {@code scope}), after removing an optional prefix ({@code chapkit.admin} with
 * prefix {@code chapkit.}). A token that names no role is authenticated but may reach only public paths.
 */
public final class JwtRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> claims;
    private final String prefix;

    /**
     * @param claims claims to read, in order; the first one present is used
     * @param prefix prefix of role names in the claim ({@code ""} for none)
     */
    public JwtRoleConverter(List<String> claims, String prefix) {
        this.claims = List.copyOf(claims);
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Optional<Role> role = roleOf(jwt);
        return new JwtAuthenticationToken(
                jwt,
                role.map(r -> List.of(new SimpleGrantedAuthority(r.authority())))
                        .orElse(List.of()),
                jwt.getSubject());
    }

    /** The highest role the token names, if any. */
    public Optional<Role> roleOf(Jwt jwt) {
        for (String claim : claims) {
            if (jwt.hasClaim(claim)) {
                return values(jwt.getClaim(claim)).stream()
                        .filter(value -> value.startsWith(prefix))
                        .map(value -> Role.fromName(value.substring(prefix.length())))
                        .flatMap(Optional::stream)
                        .max(Role::compareTo);
            }
        }
        return Optional.empty();
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof String text) {
            values.addAll(List.of(text.trim().split("\\s+")));
        } else if (claim instanceof Collection<?> items) {
            items.forEach(item -> values.add(String.valueOf(item)));
        }
        return values;
    }
}
