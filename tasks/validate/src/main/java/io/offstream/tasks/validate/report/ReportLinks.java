package io.offstream.tasks.validate.report;

import java.net.URI;

import io.offstream.contract.layout.RunLayout;

/** Links of the run report: relative to its folder when the target is under the same landing root, else the target's URI. */
final class ReportLinks {

    private ReportLinks() {
    }

    /**
     * @param root      the landing root
     * @param directory the folder the page is in (ends in '/')
     * @param target    what to link to
     */
    static String relative(URI root, URI directory, URI target) {
        String base = RunLayout.asDirectory(root).toString();
        String from = RunLayout.asDirectory(directory).toString();
        String to = target.toString();
        if (!from.startsWith(base) || !to.startsWith(base)) {
            return to;
        }
        int depth = (int) from.substring(base.length()).chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + to.substring(base.length());
    }
}
