package org.chapkit.artifact;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.chapkit.config.ConfigManager;
import org.chapkit.crud.CreateSemantics;
import org.chapkit.crud.EntityVersions;
import org.chapkit.crud.NonNullableFields;
import org.chapkit.crud.PageRequest;
import org.chapkit.crud.PageResponse;
import org.chapkit.crud.Tags;
import org.chapkit.crud.UpdateSemantics;
import org.chapkit.event.EventPublisher;
import org.chapkit.id.Ulids;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.IntegrityViolations;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.time.UtcTimestamps;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores artifacts and their trees: the Java API for runners and tasks, and the service behind
 * {@code /api/v1/artifacts}. Levels are computed here (0 for roots, parent + 1 otherwise) and recomputed for a whole
 * subtree when it moves. Binary content is streamed in and out, never held in memory whole.
 */
public class ArtifactManager {

    /** Fields a sent-fields update may leave out but not clear. */
    private static final NonNullableFields NON_NULLABLE = NonNullableFields.of("tags", "data");

    private static final String ENTITY = "Artifact";

    private final java.util.concurrent.atomic.LongAdder bytesWritten = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder bytesRead = new java.util.concurrent.atomic.LongAdder();
    private final ArtifactRepository repository;
    private final ArtifactContentStore contents;
    private final ArtifactJson json;
    private final ArtifactHierarchy hierarchy;
    private final EventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final ConfigManager<?> configs;
    private final long maxContentSize;
    private final int maxTreeDepth;

    /**
     * @param repository the artifacts table
     * @param contents binary content storage
     * @param json JSON conversion and rendering of artifact data
     * @param hierarchy level labels for tree responses
     * @param transactions runs each write in one transaction
     * @param clock source of entity timestamps
     * @param configs the config manager, for config links; null when configs are disabled
     * @param maxContentSize largest binary content accepted, in bytes
     */
    public ArtifactManager(
            ArtifactRepository repository,
            ArtifactContentStore contents,
            ArtifactJson json,
            ArtifactHierarchy hierarchy,
            TransactionOperations transactions,
            Clock clock,
            ConfigManager<?> configs,
            long maxContentSize) {
        this(
                repository,
                contents,
                json,
                hierarchy,
                transactions,
                clock,
                configs,
                maxContentSize,
                DEFAULT_MAX_TREE_DEPTH);
    }

    /**
     * @param repository the artifacts table
     * @param contents binary content storage
     * @param json JSON conversion and rendering of artifact data
     * @param hierarchy level labels for tree responses
     * @param transactions runs each write in one transaction
     * @param clock source of entity timestamps
     * @param configs the config manager, for config links; null when configs are disabled
     * @param maxContentSize largest binary content accepted, in bytes
     * @param maxTreeDepth most levels of an artifact tree (roots are level 0), {@value #MIN_TREE_DEPTH} to {@value
     *     #MAX_TREE_DEPTH_LIMIT}
     *     ({@code chapkit.artifacts.max-tree-depth})
     */
    public ArtifactManager(
            ArtifactRepository repository,
            ArtifactContentStore contents,
            ArtifactJson json,
            ArtifactHierarchy hierarchy,
            TransactionOperations transactions,
            Clock clock,
            ConfigManager<?> configs,
            long maxContentSize,
            int maxTreeDepth) {
        this(
                repository,
                contents,
                json,
                hierarchy,
                transactions,
                clock,
                configs,
                maxContentSize,
                maxTreeDepth,
                EventPublisher.NONE);
    }

    /**
     * @param repository the artifacts table
     * @param contents binary content storage
     * @param json JSON conversion and rendering of artifact data
     * @param hierarchy level labels for tree responses
     * @param transactions runs each write in one transaction
     * @param clock source of entity timestamps
     * @param configs the config manager, for config links; null when configs are disabled
     * @param maxContentSize largest binary content accepted, in bytes
     * @param maxTreeDepth most levels of an artifact tree ({@code chapkit.artifacts.max-tree-depth})
     * @param events where {@code org.chapkit.artifact.*} events go, in the transaction of each write
     */
    public ArtifactManager(
            ArtifactRepository repository,
            ArtifactContentStore contents,
            ArtifactJson json,
            ArtifactHierarchy hierarchy,
            TransactionOperations transactions,
            Clock clock,
            ConfigManager<?> configs,
            long maxContentSize,
            int maxTreeDepth,
            EventPublisher events) {
        this.events = events;
        if (maxTreeDepth < MIN_TREE_DEPTH || maxTreeDepth > MAX_TREE_DEPTH_LIMIT) {
            throw new IllegalArgumentException("chapkit.artifacts.max-tree-depth must be between " + MIN_TREE_DEPTH
                    + " and " + MAX_TREE_DEPTH_LIMIT + ", got " + maxTreeDepth);
        }
        this.maxTreeDepth = maxTreeDepth;
        this.repository = repository;
        this.contents = contents;
        this.json = json;
        this.hierarchy = hierarchy;
        this.transactions = transactions;
        this.clock = clock;
        this.configs = configs;
        this.maxContentSize = maxContentSize;
    }

    /** The configured hierarchy. */
    public ArtifactHierarchy hierarchy() {
        return hierarchy;
    }

    /** Most levels of an artifact tree; an artifact's level is below it. */
    public int maxTreeDepth() {
        return maxTreeDepth;
    }

    /** Largest binary content accepted, in bytes. */
    public long maxContentSize() {
        return maxContentSize;
    }

    /** JSON conversion and rendering of artifact data. */
    public ArtifactJson json() {
        return json;
    }

    /**
     * Saves JSON data as a new artifact, for Java callers.
     *
     * @param id a pre-allocated ULID, or null for a new one
     * @param parentId the parent, or null for a root
     * @param data any value Jackson can write; values of a map that it cannot write are stored as stubs
     * @param tags tags, may be null
     */
    public StoredArtifact create(String id, String parentId, Object data, List<String> tags) {
        JsonNode node = json.toJson(data);
        Saved saved = save(
                new ArtifactIn(id, tags, node, parentId, null), CreateSemantics.UPSERT, true, OptionalLong.empty());
        return saved.artifact();
    }

    /**
     * Saves data of a known kind as a new artifact, for Java callers: the record is written as the artifact's
     * {@code data} exactly as Jackson writes it (no stubs: a kind's record must be JSON).
     *
     * @param kind the kind; the written data must carry its {@code type}
     * @param id a pre-allocated ULID, or null for a new one
     * @param parentId the parent, or null for a root
     * @param data the kind's record
     * @param tags tags, may be null
     * @param <D> the data record
     * @return the stored artifact
     * @throws IllegalArgumentException when the written data is not of {@code kind}
     */
    public <D> StoredArtifact create(ArtifactKind<D> kind, String id, String parentId, D data, List<String> tags) {
        JsonNode node = json.mapper().valueToTree(kind.dataType().cast(data));
        if (!kind.matches(node)) {
            throw new IllegalArgumentException(
                    kind.dataType().getName() + " does not write data of kind " + kind.label() + ": " + node);
        }
        return save(new ArtifactIn(id, tags, node, parentId, null), CreateSemantics.UPSERT, true, OptionalLong.empty())
                .artifact();
    }

    /**
     * The artifact {@code id} read as {@code kind}.
     *
     * @param kind the kind it should be
     * @param id the artifact
     * @param <D> the data record
     * @return the artifact with its data bound to the kind's record
     * @throws NotFoundException when there is no such artifact
     * @throws WrongArtifactKindException when it is not of {@code kind}
     */
    public <D> TypedArtifact<D> read(ArtifactKind<D> kind, String id) {
        return as(kind, get(id));
    }

    /**
     * A stored artifact read as {@code kind}.
     *
     * @param kind the kind it should be
     * @param artifact the artifact, as found
     * @param <D> the data record
     * @return the artifact with its data bound to the kind's record
     * @throws WrongArtifactKindException when it is not of {@code kind}
     */
    public <D> TypedArtifact<D> as(ArtifactKind<D> kind, StoredArtifact artifact) {
        if (!kind.matches(artifact.data())) {
            throw new WrongArtifactKindException(artifact.id(), kind, null);
        }
        D data;
        try {
            data = json.mapper().treeToValue(artifact.data(), kind.dataType());
        } catch (JacksonException | IllegalArgumentException ex) {
            throw new WrongArtifactKindException(artifact.id(), kind, ex);
        }
        if (data == null) {
            throw new WrongArtifactKindException(artifact.id(), kind, null);
        }
        return new TypedArtifact<>(artifact, data);
    }

    /**
     * Creates an artifact, or updates it when {@code in.id()} names an existing one (chapkit's upsert).
     *
     * @throws ValidationFailedException when tags or data are invalid
     * @throws BadRequestException when the parent does not exist or would make a cycle
     */
    public Saved save(ArtifactIn in, OptionalLong expectedVersion) {
        return save(in, CreateSemantics.UPSERT, true, expectedVersion);
    }

    /**
     * Creates an artifact; what happens when {@code in.id()} names an existing one depends on {@code semantics}:
     * {@link CreateSemantics#UPSERT} updates it, {@link CreateSemantics#CREATE_ONLY} refuses with 409.
     *
     * @throws ValidationFailedException when tags or data are invalid
     * @throws BadRequestException when the parent does not exist or would make a cycle
     * @throws ConflictException when the id exists and {@code semantics} is create-only
     */
    public Saved save(ArtifactIn in, CreateSemantics semantics, OptionalLong expectedVersion) {
        return save(in, semantics, true, expectedVersion);
    }

    /**
     * Updates an artifact from a {@code PUT} body read with {@code semantics}: {@link UpdateSemantics#REPLACE} needs
     * {@code data} and changes tags and parent only when sent; {@link UpdateSemantics#SENT_FIELDS} changes exactly
     * the fields present ({@code "parent_id": null} makes it a root). The row is locked for the read-modify-write, so
     * concurrent updates queue up instead of overwriting each other.
     *
     * @throws NotFoundException when there is no such artifact
     * @throws ValidationFailedException when a field sent is invalid; nothing is written
     */
    public StoredArtifact update(String id, ObjectNode body, UpdateSemantics semantics, OptionalLong expectedVersion) {
        String artifactId = Ulids.requireValid(id);
        ArtifactIn in = readIn(body);
        if (semantics.requiresAllFields()) {
            return update(artifactId, in, body.has("parent_id"), expectedVersion);
        }
        NON_NULLABLE.requireNotNullIn(body);
        return transactions.execute(status -> {
            StoredArtifact current = repository.findByIdForUpdate(artifactId).orElseThrow(() -> notFound(artifactId));
            ArtifactIn merged = new ArtifactIn(
                    artifactId,
                    body.has("tags") ? in.tags() : current.tags(),
                    body.has("data") ? in.data() : current.data(),
                    in.parentId(),
                    in.level());
            return save(merged, CreateSemantics.UPSERT, body.has("parent_id"), expectedVersion)
                    .artifact();
        });
    }

    private ArtifactIn readIn(ObjectNode body) {
        try {
            return json.mapper().treeToValue(body, ArtifactIn.class);
        } catch (DatabindException ex) {
            throw ValidationFailedException.wrongType(ex);
        }
    }

    /**
     * Replaces an artifact's data; its tags and parent only when {@code tagsGiven}/{@code parentGiven}. A new parent
     * moves the whole subtree and recomputes its levels.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public StoredArtifact update(String id, ArtifactIn in, boolean parentGiven, OptionalLong expectedVersion) {
        String artifactId = Ulids.requireValid(id);
        get(artifactId);
        ArtifactIn withId = new ArtifactIn(artifactId, in.tags(), in.data(), in.parentId(), in.level());
        return save(withId, CreateSemantics.UPSERT, parentGiven, expectedVersion)
                .artifact();
    }

    private Saved save(ArtifactIn in, CreateSemantics semantics, boolean parentGiven, OptionalLong expectedVersion) {
        String id = in.id() == null ? Ulids.newUlid() : Ulids.requireValid(in.id());
        if (in.data() == null || in.data().isMissingNode()) {
            throw new ValidationFailedException(
                    "Artifact data is required", List.of(new FieldError("data", "is required")));
        }
        List<String> tags = in.tags() == null ? null : Tags.requireValid(in.tags());
        String parentId = in.parentId() == null ? null : Ulids.requireValid(in.parentId());
        return transactions.execute(status -> {
            Instant now = now();
            Optional<StoredArtifact> existing = in.id() == null ? Optional.empty() : repository.findByIdForUpdate(id);
            if (existing.isPresent() && semantics == CreateSemantics.CREATE_ONLY) {
                throw new ConflictException(
                                "Artifact " + id + " already exists; change it with PUT /api/v1/artifacts/" + id)
                        .withConstraint("artifacts_pkey");
            }
            if (existing.isEmpty()) {
                int level = parentId == null ? 0 : parent(parentId).level() + 1;
                requireDepth(level);
                StoredArtifact created = new StoredArtifact(
                        id, parentId, level, tags == null ? List.of() : tags, in.data(), now, now, 1, null);
                try {
                    repository.insert(created);
                } catch (DataIntegrityViolationException ex) {
                    // Same id inserted concurrently, or the parent deleted meanwhile.
                    throw new ConflictException("Artifact " + id + " conflicts with a concurrent change; retry", ex)
                            .withConstraint(IntegrityViolations.constraintOf(ex).orElse(null));
                }
                events.publish(new ArtifactCreated(id, parentId));
                return new Saved(created, true);
            }
            StoredArtifact current = existing.get();
            requireUnsealed(id);
            EntityVersions.check(ENTITY, id, current.version(), expectedVersion);
            String newParent = parentGiven ? parentId : current.parentId();
            int level = current.level();
            boolean moved = !java.util.Objects.equals(newParent, current.parentId());
            if (moved) {
                level = newParent == null ? 0 : parent(newParent).level() + 1;
                int deepest = repository.subtreeIdsByDepth(id).keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0);
                requireDepth(level + deepest);
                if (newParent != null && isInSubtree(newParent, id)) {
                    throw new BadRequestException(
                            "Artifact " + newParent + " is a descendant of " + id + "; it cannot become its parent");
                }
            }
            StoredArtifact updated = new StoredArtifact(
                    id,
                    newParent,
                    level,
                    tags == null ? current.tags() : tags,
                    in.data(),
                    current.createdAt(),
                    now,
                    current.version() + 1,
                    current.content());
            write(updated, current.version());
            if (moved) {
                relevel(id, level);
            }
            return new Saved(updated, false);
        });
    }

    /**
     * Stores {@code in} as the artifact's binary content, replacing any earlier content. When the artifact's data is
     * an object, its {@code content_type} and {@code content_size} are set too.
     *
     * @param contentType MIME type of the content, or null to keep the data's {@code content_type}
     * @throws NotFoundException when there is no such artifact
     * @throws org.chapkit.problem.ChapkitException 413 when the content exceeds the configured maximum
     */
    public StoredArtifact writeContent(String id, InputStream in, String contentType, OptionalLong expectedVersion) {
        String artifactId = Ulids.requireValid(id);
        return transactions.execute(status -> {
            StoredArtifact current = get(artifactId);
            requireUnsealed(artifactId);
            EntityVersions.check(ENTITY, artifactId, current.version(), expectedVersion);
            Instant now = now();
            ContentInfo content = contents.write(artifactId, in, maxContentSize, now);
            JsonNode data = current.data();
            if (data.isObject()) {
                ObjectNode copy = ((ObjectNode) data).deepCopy();
                copy.remove(ArtifactJson.CONTENT);
                if (contentType != null) {
                    copy.put(ArtifactJson.CONTENT_TYPE, contentType);
                }
                copy.put(ArtifactJson.CONTENT_SIZE, content.size());
                data = copy;
            }
            StoredArtifact updated = new StoredArtifact(
                    artifactId,
                    current.parentId(),
                    current.level(),
                    current.tags(),
                    data,
                    current.createdAt(),
                    now,
                    current.version() + 1,
                    content);
            write(updated, current.version());
            bytesWritten.add(content.size());
            return updated;
        });
    }

    /**
     * Seals an artifact a job has just stored: from now on its data and content cannot be replaced (409), and {@code
     * content}'s digest is kept so that whoever runs the content later can check it is still what the job stored.
     * Joins the caller's transaction, so the job's writes and the seal commit together.
     *
     * @param id the artifact
     * @param jobId the job that produced it
     * @param content its binary content as the job wrote it, or null when it has none
     */
    public void seal(String id, String jobId, byte[] content) {
        repository.insertSeal(
                new ArtifactSeal(id, jobId, content == null ? null : ArtifactSeal.sha256(content), now()));
    }

    /**
     * The seal of an artifact a job produced; empty for artifacts created through the API.
     *
     * @param id the artifact
     * @return its seal
     */
    public Optional<ArtifactSeal> sealOf(String id) {
        return repository.findSeal(Ulids.requireValid(id));
    }

    /** Default of the most levels of a tree (levels 0 to 100): trees are rendered recursively, so depth is bounded. */
    public static final int DEFAULT_MAX_TREE_DEPTH = 101;

    /** The smallest tree depth that can be configured: the ML workflow stores artifacts at levels 0 to 2. */
    public static final int MIN_TREE_DEPTH = 3;

    /**
     * The largest tree depth that can be configured: a {@code $tree} response nests two JSON levels per tree level,
     * and Jackson writes at most 1000.
     */
    public static final int MAX_TREE_DEPTH_LIMIT = 400;

    private void requireDepth(int level) {
        if (level >= maxTreeDepth) {
            throw new ValidationFailedException(
                    "Artifact trees are at most " + maxTreeDepth
                            + " levels deep (chapkit.artifacts.max-tree-depth); this would put an artifact at level "
                            + level,
                    List.of(new FieldError(
                            "parent_id", "would make the tree deeper than " + maxTreeDepth + " levels")));
        }
    }

    private void requireUnsealed(String id) {
        repository.findSeal(id).ifPresent(seal -> {
            throw new ConflictException("Artifact " + id + " was produced by job " + seal.jobId()
                    + " and cannot be replaced; create a new artifact (or run the job again) instead");
        });
    }

    /**
     * Opens the artifact's binary content for streaming; empty when it has none. The stream reads one chunk at a time.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public Optional<InputStream> openContent(String id) {
        StoredArtifact artifact = get(id);
        return artifact.hasContent() ? Optional.of(counted(contents.open(artifact.content()))) : Optional.empty();
    }

    /** Opens the content described by {@code content}, as returned with an artifact. */
    public InputStream openContent(ContentInfo content) {
        return counted(contents.open(content));
    }

    /**
     * Bytes of binary content this instance has stored since it started (meter {@code chapkit.artifacts.content.written}).
     *
     * @return the byte count
     */
    public long contentBytesWritten() {
        return bytesWritten.sum();
    }

    /**
     * Bytes of binary content this instance has read out of storage since it started: downloads, exports and the
     * models jobs load (meter {@code chapkit.artifacts.content.read}).
     *
     * @return the byte count
     */
    public long contentBytesRead() {
        return bytesRead.sum();
    }

    private InputStream counted(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws java.io.IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytesRead.add(n);
                }
                return n;
            }
        };
    }

    /** The artifact with {@code id}, if any. */
    public Optional<StoredArtifact> find(String id) {
        return repository.findById(Ulids.requireValid(id));
    }

    /**
     * The artifact with {@code id}.
     *
     * @throws NotFoundException when there is none
     */
    public StoredArtifact get(String id) {
        String artifactId = Ulids.requireValid(id);
        return repository.findById(artifactId).orElseThrow(() -> notFound(artifactId));
    }

    /** Every artifact, in id (creation) order. */
    public List<StoredArtifact> findAll() {
        return repository.findAll();
    }

    /** One page of artifacts, in id (creation) order. */
    public PageResponse<StoredArtifact> findPage(PageRequest page) {
        return transactions.execute(
                status -> PageResponse.of(repository.findPage(page.offset(), page.size()), repository.count(), page));
    }

    /** Number of artifacts. */
    public long count() {
        return repository.count();
    }

    /**
     * The subtree rooted at {@code id}, read with one recursive query, as nested nodes with {@code content} left out.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public ArtifactTreeNode tree(String id) {
        String artifactId = Ulids.requireValid(id);
        List<StoredArtifact> nodes = repository.subtree(artifactId);
        if (nodes.isEmpty()) {
            throw notFound(artifactId);
        }
        Map<String, List<StoredArtifact>> children = new LinkedHashMap<>();
        for (StoredArtifact node : nodes) {
            if (node.parentId() != null) {
                children.computeIfAbsent(node.parentId(), p -> new ArrayList<>())
                        .add(node);
            }
        }
        return node(nodes.get(0), children);
    }

    /** The subtree rooted at {@code id} as a flat list, root first. */
    public List<StoredArtifact> subtree(String id) {
        return repository.subtree(Ulids.requireValid(id));
    }

    /**
     * One artifact with its hierarchy labels and {@code children: null}.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public ArtifactTreeNode expand(String id) {
        StoredArtifact artifact = get(id);
        return treeNode(artifact, null);
    }

    /** The root of the tree {@code id} belongs to. */
    public StoredArtifact root(String id) {
        String artifactId = Ulids.requireValid(id);
        return repository.rootOf(artifactId).map(this::get).orElseThrow(() -> notFound(artifactId));
    }

    /**
     * Deletes one artifact. Its children become roots, and the levels of their subtrees are recomputed.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public void delete(String id, OptionalLong expectedVersion) {
        String artifactId = Ulids.requireValid(id);
        transactions.executeWithoutResult(status -> {
            StoredArtifact current = get(artifactId);
            EntityVersions.check(ENTITY, artifactId, current.version(), expectedVersion);
            List<String> children = repository.childrenOf(artifactId);
            contents.releaseContentOf(List.of(artifactId));
            repository.delete(List.of(artifactId));
            events.publish(new ArtifactDeleted(artifactId));
            children.forEach(child -> relevel(child, 0));
        });
    }

    /**
     * Deletes an artifact and everything below it, content and config links included.
     *
     * @throws NotFoundException when there is no such artifact
     */
    public void deleteSubtree(String id) {
        String artifactId = Ulids.requireValid(id);
        transactions.executeWithoutResult(status -> {
            Map<Integer, List<String>> byDepth = repository.subtreeIdsByDepth(artifactId);
            if (byDepth.isEmpty()) {
                throw notFound(artifactId);
            }
            List<String> ids = byDepth.values().stream().flatMap(List::stream).toList();
            contents.releaseContentOf(ids);
            repository.delete(ids);
            ids.forEach(deleted -> events.publish(new ArtifactDeleted(deleted)));
        });
    }

    /**
     * Links a root artifact to a config.
     *
     * @throws NotFoundException when the config does not exist
     * @throws BadRequestException when the artifact does not exist or is not a root
     * @throws ConflictException when the artifact is already linked
     */
    public void link(String configId, String artifactId) {
        String config = requireConfig(configId);
        String artifact = Ulids.requireValid(artifactId);
        transactions.executeWithoutResult(status -> {
            StoredArtifact target = repository
                    .findById(artifact)
                    .orElseThrow(() -> new BadRequestException("Artifact " + artifact + " not found"));
            if (target.parentId() != null) {
                throw new BadRequestException(
                        "Artifact %s is not a root artifact (parent_id=%s)".formatted(artifact, target.parentId()));
            }
            Optional<String> linked = repository.configOf(artifact);
            if (linked.isPresent()) {
                throw new ConflictException("Artifact " + artifact + " is already linked to config " + linked.get());
            }
            try {
                repository.link(config, artifact);
            } catch (DataIntegrityViolationException ex) {
                throw new ConflictException("Artifact " + artifact + " was linked concurrently", ex);
            }
        });
    }

    /**
     * Removes the link between a config and an artifact.
     *
     * @throws BadRequestException when the artifact is not linked to that config
     */
    public void unlink(String configId, String artifactId) {
        String config = requireConfig(configId);
        String artifact = Ulids.requireValid(artifactId);
        if (!repository.unlink(config, artifact)) {
            throw new BadRequestException("Artifact " + artifact + " is not linked to config " + config);
        }
    }

    /** The root artifacts linked to a config. */
    public List<StoredArtifact> linkedTo(String configId) {
        return repository.linkedTo(requireConfig(configId));
    }

    /** The id of the config linked to the root of {@code id}'s tree, if any. */
    public Optional<String> configOf(String id) {
        StoredArtifact root = root(id);
        return repository.configOf(root.id());
    }

    /** The wire form of an artifact, binary content shown as a stub. */
    public ArtifactOut toOut(StoredArtifact artifact) {
        return new ArtifactOut(
                artifact.id(),
                artifact.createdAt(),
                artifact.updatedAt(),
                artifact.tags(),
                json.render(artifact),
                artifact.parentId(),
                artifact.level());
    }

    /** The wire form of an artifact in a list: {@code content} left out. */
    public ArtifactOut toSummary(StoredArtifact artifact) {
        return new ArtifactOut(
                artifact.id(),
                artifact.createdAt(),
                artifact.updatedAt(),
                artifact.tags(),
                json.strip(artifact.data()),
                artifact.parentId(),
                artifact.level());
    }

    private ArtifactTreeNode node(StoredArtifact artifact, Map<String, List<StoredArtifact>> children) {
        List<ArtifactTreeNode> kids = children.getOrDefault(artifact.id(), List.of()).stream()
                .map(child -> node(child, children))
                .toList();
        return treeNode(artifact, kids);
    }

    private ArtifactTreeNode treeNode(StoredArtifact artifact, List<ArtifactTreeNode> children) {
        return new ArtifactTreeNode(
                artifact.id(),
                artifact.createdAt(),
                artifact.updatedAt(),
                artifact.tags(),
                json.strip(artifact.data()),
                artifact.parentId(),
                artifact.level(),
                hierarchy.label(artifact.level()),
                hierarchy.name(),
                children);
    }

    private String requireConfig(String configId) {
        if (configs == null) {
            throw new NotFoundException("Configs are not enabled in this service");
        }
        return configs.get(configId).id();
    }

    private StoredArtifact parent(String parentId) {
        return repository
                .findById(parentId)
                .orElseThrow(() -> new BadRequestException("Parent artifact " + parentId + " not found"));
    }

    private boolean isInSubtree(String candidate, String rootId) {
        return repository.subtreeIdsByDepth(rootId).values().stream().anyMatch(ids -> ids.contains(candidate));
    }

    private void relevel(String rootId, int rootLevel) {
        repository.subtreeIdsByDepth(rootId).forEach((depth, ids) -> repository.setLevel(ids, rootLevel + depth));
    }

    private void write(StoredArtifact updated, long expected) {
        if (!repository.update(updated, expected)) {
            long current = repository
                    .findById(updated.id())
                    .map(StoredArtifact::version)
                    .orElse(-1L);
            throw EntityVersions.stale(ENTITY, updated.id(), expected, current);
        }
    }

    private Instant now() {
        return UtcTimestamps.now(clock);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Artifact with id " + id + " not found");
    }

    /**
     * The outcome of {@link #save}.
     *
     * @param artifact the stored artifact
     * @param created whether it was created (rather than updated)
     */
    public record Saved(StoredArtifact artifact, boolean created) {}
}
