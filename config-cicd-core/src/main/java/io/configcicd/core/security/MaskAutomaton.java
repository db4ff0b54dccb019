package io.configcicd.core.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Aho-Corasick automaton over the forms: one pass over a text finds, at each position, the longest form that
 * ends there, whatever the number of forms and however long the prefixes they share (JWTs, URLs).
 */
final class MaskAutomaton {

    private final char[][] keys;
    private final int[][] targets;
    private final int[] rootAscii = new int[128];
    private final int[] fail;
    private final int[] longest;

    MaskAutomaton(Set<String> patterns) {
        List<Map<Character, Integer>> next = new ArrayList<>();
        List<Integer> own = new ArrayList<>();
        next.add(new HashMap<>());
        own.add(0);
        for (String p : patterns) {
            int state = 0;
            for (int i = 0; i < p.length(); i++) {
                Integer t = next.get(state).get(p.charAt(i));
                if (t == null) {
                    t = next.size();
                    next.get(state).put(p.charAt(i), t);
                    next.add(new HashMap<>());
                    own.add(0);
                }
                state = t;
            }
            own.set(state, Math.max(own.get(state), p.length()));
        }
        int n = next.size();
        keys = new char[n][];
        targets = new int[n][];
        for (int s = 0; s < n; s++) {
            List<Character> cs = new ArrayList<>(next.get(s).keySet());
            cs.sort(null);
            keys[s] = new char[cs.size()];
            targets[s] = new int[cs.size()];
            for (int j = 0; j < cs.size(); j++) {
                keys[s][j] = cs.get(j);
                targets[s][j] = next.get(s).get(cs.get(j));
            }
        }
        Arrays.fill(rootAscii, -1);
        for (int j = 0; j < keys[0].length && keys[0][j] < 128; j++) {
            rootAscii[keys[0][j]] = targets[0][j];
        }
        fail = new int[n];
        longest = new int[n];
        link(own);
    }

    /** Failure links and, per state, the longest form that is a suffix of what the state has read. */
    private void link(List<Integer> own) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int j = 0; j < keys[s].length; j++) {
                int t = targets[s][j];
                int f = s == 0 ? 0 : step(fail[s], keys[s][j]);
                fail[t] = f == t ? 0 : f;
                longest[t] = Math.max(own.get(t), longest[fail[t]]);
                queue.add(t);
            }
        }
    }

    private int transition(int state, char c) {
        if (state == 0 && c < 128) {
            return rootAscii[c];
        }
        int i = Arrays.binarySearch(keys[state], c);
        return i >= 0 ? targets[state][i] : -1;
    }

    private int step(int state, char c) {
        int s = state;
        while (true) {
            int t = transition(s, c);
            if (t >= 0) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** The positions of the text covered by some form, or null when there are none. */
    BitSet cover(String text) {
        BitSet covered = null;
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (state == 0 && c < 128 && rootAscii[c] < 0) {
                continue;
            }
            state = step(state, c);
            int len = longest[state];
            if (len > 0) {
                covered = covered != null ? covered : new BitSet(text.length());
                covered.set(i + 1 - len, i + 1);
            }
        }
        return covered;
    }
}
