package io.github.mfaeval.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One sign-in file of the run: where it is (a Hadoop URI), how reports name it, which tenant it belongs to, and
 * its place in the reading order (duplicates keep the copy read first, as {@code evaluate} does).
 *
 * @param order       position in the reading order of every file of the run
 * @param uri         Hadoop URI (file:, abfss:, s3a:, hdfs:, …)
 * @param label       path relative to the --sign-ins root (or the file name, for a file in a tenant folder)
 * @param tenant      key of the tenant its path names (its folder name under --config); null when the path names
 *                    none, and each record goes to the tenant of its own log ({@link TenantRouting})
 * @param tenantId    lower-case id of that tenant, or null
 * @param detailFiles the tenant folder's Entra admin center authentication-details downloads (local paths)
 * @param bytes       size on disk (compressed size for gzip), to spread the reading over tasks
 */
record InputFile(int order, String uri, String label, String tenant, String tenantId, List<String> detailFiles, long bytes) implements Serializable {
}
