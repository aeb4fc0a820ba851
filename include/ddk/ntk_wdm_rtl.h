/*
 * ntk_wdm_rtl.h - part of wdm.h (included by it only): see the comment on its include line.
 */
#ifndef NTK_WDM_RTL_H
#define NTK_WDM_RTL_H

#endif
