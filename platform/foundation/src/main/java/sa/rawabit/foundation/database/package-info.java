/**
 * One PostgreSQL, embedded or external: roles, migrations, pooled R2DBC and tenant-scoped
 * transactions.
 */
@NullMarked
package sa.rawabit.foundation.database;

import org.jspecify.annotations.NullMarked;
