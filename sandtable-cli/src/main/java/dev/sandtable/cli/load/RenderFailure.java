package dev.sandtable.cli.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces what kubectl kustomize, kustomize or helm print on failure to one line that names the file at fault:
 * klog's header and the "command failed" wrapper go, and kustomize's chain of "accumulating resources" contexts
 * is cut to the innermost cause.
 */
final class RenderFailure {
    private static final Pattern KLOG_HEADER = Pattern.compile("(?m)^[IWEF]\\d{4} [\\d:.]+\\s+\\d+ [^\\]]+\\] ");
    private static final Pattern COMMAND_FAILED_QUOTED = Pattern.compile("\"command failed\" err=\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern COMMAND_FAILED_BLOCK = Pattern.compile("\"command failed\" err=<(.*?)\\n\\s*>", Pattern.DOTALL);
    private static final Pattern MALFORMED_YAML = Pattern.compile("MalformedYAMLError: (.*?) in File: (\\S+?)['\"]?$");
    private static final Pattern MISSING_FILE = Pattern.compile("lstat ([^:']+): ([^':]+?)['\"]?$");
    private static final Pattern HELM_ERROR = Pattern.compile("^Error: ");

    private RenderFailure() {
    }

    static String oneLine(String stderr) {
        String text = KLOG_HEADER.matcher(stderr.strip()).replaceAll("");
        Matcher quoted = COMMAND_FAILED_QUOTED.matcher(text);
        Matcher block = COMMAND_FAILED_BLOCK.matcher(text);
        if (quoted.find()) {
            text = quoted.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        } else if (block.find()) {
            text = block.group(1);
        }
        text = HELM_ERROR.matcher(text.strip()).replaceFirst("").replaceAll("\\s+", " ").strip();
        Matcher yaml = MALFORMED_YAML.matcher(text);
        if (yaml.find()) {
            return yaml.group(2) + ": " + yaml.group(1);
        }
        Matcher missing = MISSING_FILE.matcher(text);
        if (missing.find()) {
            return missing.group(1) + ": " + missing.group(2);
        }
        return text;
    }
}
