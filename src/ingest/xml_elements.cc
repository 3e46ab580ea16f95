#include "ingest/xml_elements.h"

#include "ingest/whitespace.h"

namespace paperdeck::ingest {

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

std::string Text(const pugi::xml_node& parent, std::string_view local) {
  pugi::xml_node n = Child(parent, local);
  return n ? CollapseWhitespace(n.child_value()) : std::string();
}

}  // namespace paperdeck::ingest
