/**
 * Who the client is behind the load balancer: forwarded headers count only when the
 * connection comes from a proxy the operator lists; from anyone else they are removed
 * before anything reads them.
 */
@NullMarked
package sa.rawabit.foundation.proxies;

import org.jspecify.annotations.NullMarked;
