//! The offline gazetteer: place names to coordinates, and resolving ambiguous names.
