/*
 * image.c - loading driver images (ELF shared objects named *.sys).
 *
 * Before mapping an image, every symbol it imports is checked: it must be
 * a routine the kernel exports (defined by the kernel library itself), one
 * of the C run-time routines ntoskrnl also exports (memcpy, strlen, ...), or
 * a sanitizer/coverage hook when the driver was built with one. A driver
 * that imports anything else fails to load with a message naming the
 * routine, as Windows refuses a driver with an unresolved import.
 */
#include <internal/ldr_image.h>
#include <internal/ntk_alloc.h>
#include <elf.h>
#include <stdio.h>
#include <string.h>

static LDR_IMAGE *volatile LdrpImages;

/* C run-time routines that ntoskrnl exports and the host C library
 * provides with the same meaning. */
static const char *const LdrpCrtExports[] = {
    "memcpy", "memmove", "memset", "memcmp", "memchr", "strlen", "strnlen", "strcmp", "strncmp", "strcpy",
    "strncpy", "strcat", "strncat", "strchr", "strrchr", "strstr", "strspn", "strcspn", "strpbrk", "atoi",
    "atol", "strtol", "strtoul", "qsort", "bsearch", "abs", "labs", "toupper", "tolower", "isalpha", "isdigit",
    "isspace", "isxdigit", "isalnum", "isupper", "islower", "isprint", "ispunct", "iscntrl", "__ctype_b_loc",
    "__ctype_toupper_loc", "__ctype_tolower_loc", "_setjmp", "_longjmp", "longjmp", "__longjmp_chk",
    "__stack_chk_fail", "__memcpy_chk", "__memset_chk", "__memmove_chk", "__strcpy_chk", "__strcat_chk",
    "__strncpy_chk", "__stpcpy_chk",
};

static const char *const LdrpHookPrefixes[] = {"__asan_", "__ubsan_", "__tsan_", "__sanitizer_", "__lsan_",
                                               "__gcov_", "__llvm_", "__msan_"};

static const char *LdrpBaseName(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static BOOLEAN LdrpIsSanitizerRuntime(const char *origin)
{
    const char *base = LdrpBaseName(origin);
    return !strncmp(base, "libasan", 7) || !strncmp(base, "libubsan", 8) || !strncmp(base, "libtsan", 7) ||
           !strncmp(base, "libclang_rt", 11);
}

/* Is this import something a driver may bind to? Fills why when not. */
static BOOLEAN LdrpImportAllowed(const char *name, const char *kernel, char *why, size_t whylen)
{
    for (size_t i = 0; i < RTL_NUMBER_OF(LdrpHookPrefixes); i++)
        if (!strncmp(name, LdrpHookPrefixes[i], strlen(LdrpHookPrefixes[i])))
            return TRUE;
    const char *origin = ntkhost->symbol_origin(name);
    if (!origin) {
        snprintf(why, whylen, "it imports %s, which the ntk kernel does not export", name);
        return FALSE;
    }
    if (!strcmp(origin, kernel) || LdrpIsSanitizerRuntime(origin))
        return TRUE;
    for (size_t i = 0; i < RTL_NUMBER_OF(LdrpCrtExports); i++)
        if (!strcmp(name, LdrpCrtExports[i]))
            return TRUE;
    snprintf(why, whylen, "it imports %s, which the ntk kernel does not export (%s defines it)", name,
             *origin ? LdrpBaseName(origin) : "the application");
    return FALSE;
}

/* Walks the image's dynamic symbol table for undefined, non-weak symbols. */
static NTSTATUS LdrpCheckImports(const char *path, const char *kernel, char *why, size_t whylen)
{
    void *data;
    size_t size;
    int err = ntkhost->file_read_all(path, &data, &size);
    if (err) {
        snprintf(why, whylen, "cannot read the file: %s", strerror(err));
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }
    NTSTATUS status = STATUS_INVALID_IMAGE_FORMAT;
    const Elf64_Ehdr *eh = data;
    if (size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_type != ET_DYN || eh->e_machine != EM_X86_64 || eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) > size) {
        snprintf(why, whylen, "not an x86-64 ELF shared object (build drivers with ntk cc --driver)");
        goto out;
    }
    const Elf64_Shdr *sh = (const Elf64_Shdr *)((const char *)data + eh->e_shoff);
    status = STATUS_SUCCESS;
    for (int i = 0; i < eh->e_shnum && NT_SUCCESS(status); i++) {
        if (sh[i].sh_type != SHT_DYNSYM || sh[i].sh_link >= eh->e_shnum)
            continue;
        const Elf64_Shdr *strtab = &sh[sh[i].sh_link];
        if (sh[i].sh_offset + sh[i].sh_size > size || strtab->sh_offset + strtab->sh_size > size) {
            snprintf(why, whylen, "corrupt symbol table");
            status = STATUS_INVALID_IMAGE_FORMAT;
            break;
        }
        const Elf64_Sym *sym = (const Elf64_Sym *)((const char *)data + sh[i].sh_offset);
        const char *names = (const char *)data + strtab->sh_offset;
        size_t count = sh[i].sh_size / sizeof(Elf64_Sym);
        for (size_t k = 1; k < count; k++) {
            if (sym[k].st_shndx != SHN_UNDEF || ELF64_ST_BIND(sym[k].st_info) == STB_WEAK ||
                sym[k].st_name >= strtab->sh_size)
                continue;
            const char *name = names + sym[k].st_name;
            if (*name && !LdrpImportAllowed(name, kernel, why, whylen)) {
                status = STATUS_DRIVER_ENTRYPOINT_NOT_FOUND;
                break;
            }
        }
    }
out:
    ntkhost->mem_free(data);
    return status;
}

NTSTATUS LdrpLoadDriverImage(const char *Path, LDR_IMAGE **Image, PDRIVER_INITIALIZE *Entry, char *Reason,
                             size_t ReasonLength)
{
    const char *kernel = ntkhost->object_of_address((const void *)LdrpLoadDriverImage);
    NTSTATUS status = LdrpCheckImports(Path, kernel ? kernel : "", Reason, ReasonLength);
    if (!NT_SUCCESS(status))
        return status;
    LDR_IMAGE *image = KipAllocZero(sizeof *image);
    if (!image) {
        snprintf(Reason, ReasonLength, "out of memory");
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    snprintf(image->Path, sizeof image->Path, "%s", Path);
    snprintf(image->Name, sizeof image->Name, "%s", LdrpBaseName(Path));
    image->Module = ntkhost->module_open(Path, Reason, ReasonLength);
    if (!image->Module) {
        KipFree(image);
        return STATUS_DRIVER_UNABLE_TO_LOAD;
    }
    uintptr_t base = 0;
    size_t extent = 0;
    ntkhost->module_range(image->Module, &base, &extent);
    image->Base = base;
    image->Size = extent;
    *Entry = (PDRIVER_INITIALIZE)ntkhost->module_symbol(image->Module, "DriverEntry");
    if (!*Entry) {
        snprintf(Reason, ReasonLength, "it has no DriverEntry routine");
        ntkhost->module_close(image->Module);
        KipFree(image);
        return STATUS_DRIVER_ENTRYPOINT_NOT_FOUND;
    }
    /* Readers walk the list without a lock (fault paths), so publish with
     * one atomic store; images are only unlinked at unload. */
    image->Next = LdrpImages;
    __atomic_store_n(&LdrpImages, image, __ATOMIC_RELEASE);
    *Image = image;
    return STATUS_SUCCESS;
}

void LdrpUnloadDriverImage(LDR_IMAGE *Image)
{
    for (LDR_IMAGE *volatile *link = &LdrpImages; *link; link = &(*link)->Next) {
        if (*link == Image) {
            *link = Image->Next;
            break;
        }
    }
    ntkhost->module_close(Image->Module);
    KipFree(Image);
}

const char *LdrpDriverNameForAddress(const void *Address)
{
    ULONG_PTR a = (ULONG_PTR)Address;
    for (LDR_IMAGE *i = __atomic_load_n(&LdrpImages, __ATOMIC_ACQUIRE); i; i = i->Next)
        if (a >= i->Base && a < i->Base + i->Size)
            return i->Name;
    return NULL;
}
