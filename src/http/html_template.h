// HtmlTemplate: a page of web/ with named slots, `{{name}}`, filled by the server. The slots hold
// HTML the caller made safe (present/card_html's HtmlEscaped for any text); the template itself
// is the embedded file, so the page's markup stays in web/ and the server adds only what a
// request decides.
//
// Threading: functions of their arguments only.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace paperdeck::http {

// The slots' contents by name.
using Slots = std::map<std::string, std::string, std::less<>>;

// page with every `{{name}}` replaced by slots[name]; a slot slots does not name becomes empty,
// so a page never shows a slot's braces.
std::string FillTemplate(std::string_view page, const Slots& slots);

}  // namespace paperdeck::http
