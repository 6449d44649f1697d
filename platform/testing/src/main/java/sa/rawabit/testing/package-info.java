/** Test support: one real PostgreSQL per test JVM, reached the way production reaches it. */
@NullMarked
package sa.rawabit.testing;

import org.jspecify.annotations.NullMarked;
