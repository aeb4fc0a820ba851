/*
 * ldr_image.h - loaded driver images (src/nt/ldr).
 */
#ifndef NTK_INTERNAL_LDR_IMAGE_H
#define NTK_INTERNAL_LDR_IMAGE_H

#include <internal/ke.h>
#include <internal/ldr.h>

typedef struct ldr_image {
    struct ntkhost_module *Module;
    ULONG_PTR Base;
    SIZE_T Size;
    char Name[64];          /* "example.sys" */
    char Path[512];
    struct ldr_image *Next; /* LdrpImages list, newest first */
} LDR_IMAGE;

/* Loads a driver image: checks every import against what the kernel
 * exports, maps it, and finds DriverEntry. On failure returns the status and
 * writes a one-line reason (naming the missing routine) into Reason. */
NTSTATUS LdrpLoadDriverImage(const char *Path, LDR_IMAGE **Image, PDRIVER_INITIALIZE *Entry, char *Reason,
                             size_t ReasonLength);
void LdrpUnloadDriverImage(LDR_IMAGE *Image);

#endif
