import java.util.regex.*;
import java.io.*;
import java.util.*;
/**
 * What Java's own engine says of patterns: reads lines of JSON arrays of strings
 * `[pattern, text…]` and prints, for each line, `ERR description` if `Pattern.compile` refuses
 * the pattern, else one `1` or `0` per text: whether `matcher(text).find()` finds a match.
 * The JSON reader takes what verdicts.py writes (no other JSON).
 */
public class Oracle {
  public static void main(String[] a) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, "UTF-8");
    String line;
    while ((line = in.readLine()) != null) {
      List<String> list = parse(line);
      Pattern p;
      try { p = Pattern.compile(list.get(0)); }
      catch (PatternSyntaxException e) { out.println("ERR " + e.getDescription()); continue; }
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < list.size(); i++) {
        boolean m;
        try { m = p.matcher(list.get(i)).find(); } catch (StackOverflowError e) { sb.append('S'); continue; }
        sb.append(m ? '1' : '0');
      }
      out.println(sb);
    }
    out.flush();
  }
  static List<String> parse(String text) {
    List<String> list = new ArrayList<>();
    int i = text.indexOf('[') + 1;
    while (true) {
      while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != ']') i++;
      if (i >= text.length() || text.charAt(i) == ']') break;
      i++;
      StringBuilder sb = new StringBuilder();
      while (text.charAt(i) != '"') {
        char c = text.charAt(i);
        if (c == '\\') {
          char n = text.charAt(++i);
          switch (n) {
            case 'n': sb.append('\n'); break; case 't': sb.append('\t'); break;
            case 'r': sb.append('\r'); break; case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'u': sb.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16)); i += 4; break;
            default: sb.append(n);
          }
        } else sb.append(c);
        i++;
      }
      i++;
      list.add(sb.toString());
    }
    return list;
  }
}
