//! # nprs-io
//!
//! NumPy's file formats for nprs: .npy (versions 1.0–3.0) and .npz (plain and compressed),
//! memory-mapped arrays, tofile/fromfile, and text I/O (savetxt, loadtxt, genfromtxt) —
//! reading every file NumPy writes and refusing hostile input with clear errors.
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
