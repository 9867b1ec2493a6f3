package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** One test per branch of {@link DotenvParser}, the accepting ones first. */
class DotenvParserTest {

  private static final String SOURCE = ".env /app/.env";
  private static final String VALUE = "hunter2";

  private static Map<String, String> parse(String text) {
    return DotenvParser.parse(text.getBytes(StandardCharsets.UTF_8), SOURCE);
  }

  private static AbstractThrowableAssert<?, ?> assertRejected(String text, int line) {
    return assertThatThrownBy(() -> parse(text))
        .isInstanceOf(SecretSourceException.class)
        .hasMessageStartingWith(SOURCE + ": line " + line + " ")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void parse_emptyFile_hasNoEntries() {
    assertThat(parse("")).isEmpty();
  }

  @Test
  void parse_simpleEntries_areRead() {
    assertThat(parse("A=1\nB=two\n")).containsOnly(entry("A", "1"), entry("B", "two"));
  }

  @Test
  void parse_blankLinesAndWhitespaceOnlyLines_areIgnored() {
    assertThat(parse("\n\nA=1\n   \n\t\nB=2\n\n")).containsOnly(entry("A", "1"), entry("B", "2"));
  }

  @Test
  void parse_fullLineComments_areIgnored() {
    assertThat(parse("# comment\n  # indented = comment\nA=1")).containsOnly(entry("A", "1"));
  }

  @Test
  void parse_inlineCommentAfterBlank_isRemoved() {
    assertThat(parse("A=value # comment\nB=value\t# tab comment"))
        .containsOnly(entry("A", "value"), entry("B", "value"));
  }

  @Test
  void parse_hashNotPrecededByBlank_isPartOfTheValue() {
    assertThat(parse("A=abc#def\nB=#hash")).containsOnly(entry("A", "abc#def"),
        entry("B", "#hash"));
  }

  @Test
  void parse_hashAfterBlankRightAfterEquals_isAnEmptyValueWithComment() {
    assertThat(parse("A= # nothing")).containsOnly(entry("A", ""));
  }

  @Test
  void parse_equalsInValue_isKept() {
    assertThat(parse("URL=postgres://h/db?sslmode=require&a=b\nB64=YWJj==="))
        .containsOnly(entry("URL", "postgres://h/db?sslmode=require&a=b"), entry("B64", "YWJj==="));
  }

  @Test
  void parse_blanksAroundKeyAndEquals_areIgnored() {
    assertThat(parse("  A  =  spaced value  \n\tB\t=\tx")).containsOnly(
        entry("A", "spaced value"), entry("B", "x"));
  }

  @Test
  void parse_emptyValue_isEmptyString() {
    assertThat(parse("A=\nB=''\nC=\"\"")).containsOnly(entry("A", ""), entry("B", ""),
        entry("C", ""));
  }

  @Test
  void parse_exportPrefix_isIgnored() {
    assertThat(parse("export A=1\nexport\tB=2\nexport  C = 3")).containsOnly(entry("A", "1"),
        entry("B", "2"), entry("C", "3"));
  }

  @Test
  void parse_keyNamedExport_isAKey() {
    assertThat(parse("export=1\nexporter=2")).containsOnly(entry("export", "1"),
        entry("exporter", "2"));
  }

  @Test
  void parse_singleQuotes_areLiteral() {
    assertThat(parse("A='a \\n \"b\" # not a comment ${X}'")).containsOnly(
        entry("A", "a \\n \"b\" # not a comment ${X}"));
  }

  @Test
  void parse_doubleQuotes_understandTheDocumentedEscapes() {
    assertThat(parse("A=\"l1\\nl2\\tt\\r \\\" \\\\ \\$ 'q' # no comment\""))
        .containsOnly(entry("A", "l1\nl2\tt\r \" \\ $ 'q' # no comment"));
  }

  @Test
  void parse_commentAfterClosingQuote_isAllowed() {
    assertThat(parse("A='x' # c\nB=\"y\"# c\nC='z'  ")).containsOnly(entry("A", "x"),
        entry("B", "y"), entry("C", "z"));
  }

  @Test
  void parse_quoteInsideUnquotedValue_isLiteral() {
    assertThat(parse("A=it's \"fine\"")).containsOnly(entry("A", "it's \"fine\""));
  }

  @Test
  void parse_variableReference_isKeptLiterally() {
    assertThat(parse("HOST=db\nURL=postgres://${HOST}/$HOST\nQ=\"${HOST}\""))
        .containsEntry("URL", "postgres://${HOST}/$HOST")
        .containsEntry("Q", "${HOST}");
  }

  @Test
  void parse_crlfLineEndings_areStripped() {
    assertThat(parse("A=1\r\nB='2'\r\nC=\"3\"\r\n# c\r\n\r\nD=4 # c\r\n")).containsOnly(
        entry("A", "1"), entry("B", "2"), entry("C", "3"), entry("D", "4"));
  }

  @Test
  void parse_byteOrderMark_isSkipped() {
    assertThat(parse("\uFEFFA=1")).containsOnly(entry("A", "1"));
  }

  @Test
  void parse_byteOrderMarkNotAtStart_isPartOfTheLineAndRejected() {
    assertRejected("A=1\n\uFEFFB=2", 2).hasMessageContaining("does not start with a key");
  }

  @Test
  void parse_unicodeValue_isKept() {
    assertThat(parse("A=pässwörd \uD83D\uDD11")).containsOnly(entry("A", "pässwörd \uD83D\uDD11"));
  }

  @Test
  void parse_noFinalNewline_lastLineIsRead() {
    assertThat(parse("A=1\nB=2")).containsEntry("B", "2");
  }

  @Test
  void parse_unterminatedSingleQuote_isRejectedWithLineNumber() {
    assertRejected("A=1\nB='" + VALUE, 2).hasMessageContaining("unterminated single quote");
  }

  @Test
  void parse_unterminatedDoubleQuote_isRejectedWithLineNumber() {
    assertRejected("A=\"" + VALUE, 1).hasMessageContaining("unterminated double quote");
  }

  @Test
  void parse_quoteSpanningLines_isRejected() {
    assertRejected("A=\"" + VALUE + "\nrest\"", 1).hasMessageContaining("unterminated");
  }

  @Test
  void parse_backslashAtEndOfDoubleQuotedLine_isUnterminated() {
    assertRejected("A=\"" + VALUE + "\\", 1).hasMessageContaining("unterminated double quote");
  }

  @Test
  void parse_unknownEscape_isRejectedPointingToSingleQuotes() {
    assertRejected("A=\"C:\\" + VALUE + "\"", 1)
        .hasMessageContaining("unknown escape sequence")
        .hasMessageContaining("single quotes");
  }

  @Test
  void parse_charactersAfterClosingQuote_areRejected() {
    assertRejected("A='x'" + VALUE, 1).hasMessageContaining("after the closing quote");
    assertRejected("A=\"x\" " + VALUE, 1).hasMessageContaining("after the closing quote");
  }

  @Test
  void parse_lineWithoutEquals_isRejectedWithoutEchoingIt() {
    assertRejected("A=1\n" + VALUE, 2).hasMessageContaining("no '=' after the key");
  }

  @Test
  void parse_exportWithoutAssignment_isRejected() {
    assertRejected("export " + VALUE, 1).hasMessageContaining("no '='");
  }

  @Test
  void parse_keyStartingWithDigit_isRejected() {
    assertRejected("1A=" + VALUE, 1).hasMessageContaining("does not start with a key");
  }

  @Test
  void parse_keyWithDotOrDash_isRejected() {
    assertRejected("db.password=" + VALUE, 1).hasMessageContaining("not followed by '='");
    assertRejected("DB-PASSWORD=" + VALUE, 1).hasMessageContaining("not followed by '='");
  }

  @Test
  void parse_keySeparatedFromEqualsByText_isRejected() {
    assertRejected("A B=" + VALUE, 1).hasMessageContaining("not followed by '='");
  }

  @Test
  void parse_lineStartingWithEquals_isRejected() {
    assertRejected("=" + VALUE, 1).hasMessageContaining("does not start with a key");
  }

  @Test
  void parse_duplicateKey_isRejectedNamingBothLines() {
    assertRejected("A=1\nB=2\nA=" + VALUE, 3)
        .hasMessageContaining("sets A again (first set on line 1)");
  }

  @Test
  void parse_nulCharacter_isRejected() {
    assertRejected("A=" + VALUE + "\0", 1).hasMessageContaining("NUL");
  }

  @Test
  void parse_loneCarriageReturn_isRejected() {
    assertRejected("A=" + VALUE + "\rB=2", 1).hasMessageContaining("carriage return");
  }

  @Test
  void parse_lineAtTheLimit_isAcceptedAndLongerIsRejected() {
    String atLimit = "A=" + "x".repeat(DotenvParser.MAX_LINE - 2);
    assertThat(parse(atLimit).get("A")).hasSize(DotenvParser.MAX_LINE - 2);
    assertRejected(atLimit + "x", 1).hasMessageContaining("longer than 65536 characters");
  }

  @Test
  void parse_invalidUtf8_isRejectedWithoutLineNumber() {
    byte[] content = {'A', '=', (byte) 0xC3, (byte) 0x28};
    assertThatThrownBy(() -> DotenvParser.parse(content, SOURCE))
        .isInstanceOf(SecretSourceException.class)
        .hasMessage(SOURCE + " is not UTF-8 text")
        .hasNoCause();
  }

  @Test
  void parse_result_isUnmodifiable() {
    Map<String, String> entries = parse("A=1");
    assertThatThrownBy(() -> entries.put("B", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
