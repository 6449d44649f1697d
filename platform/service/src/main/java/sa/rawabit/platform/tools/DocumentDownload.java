package sa.rawabit.platform.tools;

import sa.rawabit.foundation.tenancy.TenantId;

/**
 * A version someone may download, found without reading its content; the bytes follow in
 * slices.
 */
record DocumentDownload(TenantId tenant, ToolDocument document) {
}
