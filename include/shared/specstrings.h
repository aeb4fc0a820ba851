/*
 * specstrings.h - the SDK's entry point for source annotations, for ntk.
 *
 * Windows headers and older sources include this rather than sal.h.  It
 * brings in every general annotation (sal.h, which also carries the legacy
 * lower-case __in/__out spellings) and, as the SDK's shared headers do, the
 * driver annotations (driverspecs.h), all of which expand to nothing.
 */
#ifndef SPECSTRINGS_H
#define SPECSTRINGS_H

#include <sal.h>
#include <driverspecs.h>

#endif /* SPECSTRINGS_H */
