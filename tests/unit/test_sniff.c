/* sniff: HTML and JSON Lines told from text, erring towards text. */
#include "sniff.h"
#include "t.h"

#define K(lit) nib_sniff((const unsigned char *)(lit), sizeof(lit) - 1)

int
main(void)
{
	T(K("<!DOCTYPE html>\n<html>") == NIB_HTML);
	T(K("\xef\xbb\xbf  <html lang=\"en\">") == NIB_HTML);
	T(K("<div class=\"x\"><p>Story.</p></div>") == NIB_HTML);
	T(K("Menu\nHome\n<html><body>") == NIB_HTML);
	T(K("Menu\n<p>a</p><p>b</p><p>c</p><p>d</p><br><br><br><br>") == NIB_HTML);
	T(K("Type <p> before a paragraph, she said.\n") == NIB_TEXT);
	T(K("<3 from the crowd, the caption said.") == NIB_TEXT);
	T(K("{\"text\": \"a\", \"id\": 1}\n{\"text\": \"b\"}\n") == NIB_JSONL);
	T(K("  {\"t\\\"x\" : \"a\"}") == NIB_JSONL);
	T(K("{Braces} open a story line.\n") == NIB_TEXT);
	T(K("{\"not closed\": \n") == NIB_TEXT);
	T(K("{}\n") == NIB_TEXT);
	T(K("") == NIB_TEXT);
	T(K("The council voted on Tuesday.") == NIB_TEXT);
	T_DONE();
}
