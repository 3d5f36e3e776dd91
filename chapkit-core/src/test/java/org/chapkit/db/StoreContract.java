package org.chapkit.db;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a store test's contract, run once per database (an {@code OnH2} and an {@code OnPostgres} nested class give
 * it {@link StoreDatabase#h2()} or {@link StoreDatabase#postgres()}): one instance per class, every table emptied
 * before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

    /** The database this run of the contract writes to. */
    protected final StoreDatabase database;

    protected StoreContract(StoreDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void emptyTheDatabase() {
        database.empty();
    }
}
