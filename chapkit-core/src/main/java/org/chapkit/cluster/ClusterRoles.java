package org.chapkit.cluster;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of this instance. With the cluster off, or unless configured otherwise, an instance has {@link #ALL}.
 *
 * @param roles at least one role
 */
public record ClusterRoles(Set<ClusterRole> roles) {

    /** Every role: serves HTTP, runs jobs, may lead. */
    public static final ClusterRoles ALL = new ClusterRoles(EnumSet.allOf(ClusterRole.class));

    /** Checks that there is at least one role. */
    public ClusterRoles {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("An instance needs at least one of the roles api, worker, scheduler");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The roles {@code roles}, in any order, repeats ignored. */
    public static ClusterRoles of(List<ClusterRole> roles) {
        return new ClusterRoles(roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
    }

    /** Whether this instance has {@code role}. */
    public boolean has(ClusterRole role) {
        return roles.contains(role);
    }

    /** The role names, in the order api, worker, scheduler. */
    public List<String> ids() {
        return EnumSet.copyOf(roles).stream().map(ClusterRole::id).toList();
    }
}
