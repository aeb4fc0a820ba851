/*
 * ntk_wdm_ex.h - part of wdm.h (included by it only): see the comment on its include line.
 */
#ifndef NTK_WDM_EX_H
#define NTK_WDM_EX_H

#endif
