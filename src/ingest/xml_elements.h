// Reading XML elements by local name, for the feeds ingest/ parses with pugixml (the arXiv Atom
// feed, OAI-PMH pages). Namespace prefixes vary between servers and recordings ("arxiv:comment",
// "atom:entry", or a default namespace), so elements are matched on the name after the colon.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace paperdeck::ingest {

// The element's name without its namespace prefix ("arxiv:comment" -> "comment").
std::string_view LocalName(const pugi::xml_node& node);

// The first child element of parent with this local name; an empty node when there is none.
pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local);

// The text of that child, whitespace collapsed; empty when there is no such child.
std::string Text(const pugi::xml_node& parent, std::string_view local);

}  // namespace paperdeck::ingest
