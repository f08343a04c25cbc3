"""jieba's HMM for runs of characters its dictionary does not know, computed the same way, faster.

jieba.finalseg keeps every state's whole path and copies it at each character, and finds each
maximum through a list of tuples. Here the four states (B, M, E, S) are unrolled, each step keeps
only back-pointers, and the same sums are compared in the same order with the same tie-breaking
(max over (probability, state) prefers the later letter), so the tokens are identical to
jieba.finalseg.cut: tests/test_fast_paths.py compares them.
"""

from __future__ import annotations

from jieba import finalseg

_STATE_INDEX = {"B": 0, "M": 1, "E": 2, "S": 3}


class HiddenMarkovCutter:
    """Cuts a run of characters as jieba.finalseg.cut does, with its model and force-split words."""

    def __init__(self) -> None:
        start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
        self.start = (start["B"], start["M"], start["E"], start["S"])
        # The two ways into each state (jieba.finalseg.PrevStatus): E or S to B, M or B to M,
        # B or M to E, S or E to S.
        self.trans = (trans["E"]["B"], trans["S"]["B"], trans["M"]["M"], trans["B"]["M"],
                      trans["B"]["E"], trans["M"]["E"], trans["S"]["S"], trans["E"]["S"])
        self.emit = (emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get)

    def states(self, run: str) -> list[str]:
        """The most probable B/M/E/S state of each character (jieba.finalseg.viterbi's path)."""
        low = finalseg.MIN_FLOAT
        eb, em, ee, es = self.emit
        t_eb, t_sb, t_mm, t_bm, t_be, t_me, t_ss, t_es = self.trans
        first = run[0]
        vb = self.start[0] + eb(first, low)
        vm = self.start[1] + em(first, low)
        ve = self.start[2] + ee(first, low)
        vs = self.start[3] + es(first, low)
        # For each step, the state each of B, M, E, S came from.
        came_from: list[tuple[str, str, str, str]] = []
        for char in run[1:]:
            e = eb(char, low)
            p_e, p_s = ve + t_eb + e, vs + t_sb + e
            nb, from_b = (p_s, "S") if p_s >= p_e else (p_e, "E")
            e = em(char, low)
            p_m, p_b = vm + t_mm + e, vb + t_bm + e
            nm, from_m = (p_m, "M") if p_m >= p_b else (p_b, "B")
            e = ee(char, low)
            p_b, p_m = vb + t_be + e, vm + t_me + e
            ne, from_e = (p_m, "M") if p_m >= p_b else (p_b, "B")
            e = es(char, low)
            p_s, p_e = vs + t_ss + e, ve + t_es + e
            ns, from_s = (p_s, "S") if p_s >= p_e else (p_e, "E")
            came_from.append((from_b, from_m, from_e, from_s))
            vb, vm, ve, vs = nb, nm, ne, ns
        state = "S" if vs >= ve else "E"
        path = [state]
        for step in reversed(came_from):
            state = step[_STATE_INDEX[state]]
            path.append(state)
        path.reverse()
        return path

    def _cut_han(self, run: str, out: list[str]) -> None:
        force_split = finalseg.Force_Split_Words
        begin = 0  # the path ends in E or S, so every character lands in a word
        for i, state in enumerate(self.states(run)):
            word = None
            if state == "B":
                begin = i
            elif state == "E":
                word = run[begin : i + 1]
            elif state == "S":
                word = run[i]
            if word is not None:
                if word in force_split:
                    out.extend(word)
                else:
                    out.append(word)

    def cut(self, text: str, out: list[str]) -> None:
        """Append the tokens of `text` to `out`, as list(jieba.finalseg.cut(text)) would be."""
        if finalseg.re_han.fullmatch(text):  # the usual case: only Chinese characters
            self._cut_han(text, out)
            return
        for block in finalseg.re_han.split(text):
            if finalseg.re_han.match(block):
                self._cut_han(block, out)
            else:
                out.extend(piece for piece in finalseg.re_skip.split(block) if piece)
