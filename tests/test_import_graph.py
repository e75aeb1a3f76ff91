"""No import cycle anywhere in planner/, function-local and TYPE_CHECKING imports included."""

from __future__ import annotations

import grimp


def test_no_module_of_planner_imports_itself_through_others() -> None:
    graph = grimp.build_graph("planner")
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.find_shortest_chain(importer=imported, imported=module)
        }
    )
    assert cycles == []
