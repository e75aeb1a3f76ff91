"""Pure domain code: data models, catalog, plan builder, profile. No Qt here, ever."""
