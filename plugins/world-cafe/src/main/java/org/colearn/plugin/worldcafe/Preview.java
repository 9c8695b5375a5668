package org.colearn.plugin.worldcafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.colearn.plugin.worldcafe.CafeViews.Member;
import org.colearn.plugin.worldcafe.CafeViews.Move;
import org.colearn.plugin.worldcafe.CafeViews.NextRound;
import org.colearn.plugin.worldcafe.CafeViews.PlannedTable;
import org.colearn.plugin.worldcafe.seating.Table;

/**
 * The facilitator's preview of the next round: its tables and hosts, who moves where, who is away, and what the
 * seating could not meet in that round. Built from the plan as it stands at each view, so it follows every change;
 * only the console holds it, so no participant ever receives another person's future seat.
 */
final class Preview {

    private Preview() {}

    /** The next round while one runs and another follows; null otherwise. */
    static NextRound of(CafeConfig config, Model model) {
        int next = model.round + 1;
        if (!model.phase.equals("round") || next >= config.rounds()) {
            return null;
        }
        List<PlannedTable> tables = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        List<Member> away = new ArrayList<>();
        for (Table table : model.plan.rounds().get(next).tables()) {
            tables.add(new PlannedTable(table.index() + 1, table.host() == null ? null : CafeViews.member(model, table.host()),
                    table.people().stream().map(id -> CafeViews.member(model, id)).toList()));
            for (String id : table.people()) {
                Optional<Table> now = Seating.tableOf(model.plan, model.round, id);
                if (now.isEmpty() || now.get().index() != table.index()) {
                    moves.add(new Move(CafeViews.member(model, id), now.map(seat -> seat.index() + 1).orElse(null), table.index() + 1));
                }
                if (model.absent.contains(id)) {
                    away.add(CafeViews.member(model, id));
                }
            }
        }
        return new NextRound(next + 1, config.question(next), tables, moves, away,
                CafeViews.report(model, model.plan.report().inRound(next), List.of(model.plan.rounds().get(next)), false));
    }
}
