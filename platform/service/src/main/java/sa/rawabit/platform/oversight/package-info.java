/**
 * National oversight: per-association indicators for {@code oversight-viewer}, read as
 * {@code oversight_reader} from aggregate views that hold no personal data and suppress
 * small counts.
 */
@NullMarked
@ApplicationModule(displayName = "Oversight", allowedDependencies = {})
package sa.rawabit.platform.oversight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
