// OwnedBitmap: a CRoaring bitmap (Debian's libroaring-dev) built in memory, freed when its owner
// goes. For bitmaps read in place from a segment file, see index/term_bitmaps.h's TermBitmap.
#pragma once

#include <roaring/roaring.h>

#include <memory>

namespace paperdeck::index {

struct RoaringDeleter {
  void operator()(roaring_bitmap_t* b) const { roaring_bitmap_free(b); }
};
using OwnedBitmap = std::unique_ptr<roaring_bitmap_t, RoaringDeleter>;

}  // namespace paperdeck::index
