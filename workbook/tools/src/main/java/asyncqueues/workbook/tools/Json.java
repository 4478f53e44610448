package asyncqueues.workbook.tools;

import java.util.List;
import java.util.Map;

/**
 * JSON text, written from maps, lists, strings, numbers, booleans and nulls: just what the tools'
 * reports need, with every string escaped as RFC 8259 says. Maps keep their order.
 */
final class Json {

    private Json() {}

    /** {@code value} as JSON, indented by two spaces a level. */
    static String of(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, "", json);
        return json.append('\n').toString();
    }

    private static void write(Object value, String indent, StringBuilder json) {
        switch (value) {
            case null -> json.append("null");
            case String text -> string(text, json);
            case Number number -> json.append(number);
            case Boolean bool -> json.append(bool);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    json.append("{}");
                    return;
                }
                String inner = indent + "  ";
                json.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(inner);
                    string(String.valueOf(entry.getKey()), json);
                    json.append(": ");
                    write(entry.getValue(), inner, json);
                    json.append(++i < map.size() ? ",\n" : "\n");
                }
                json.append(indent).append('}');
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    json.append("[]");
                    return;
                }
                String inner = indent + "  ";
                json.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    json.append(inner);
                    write(list.get(i), inner, json);
                    json.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                json.append(indent).append(']');
            }
            default -> throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
        }
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
