/** The colour theme, from context: NO_COLOR is read once, where the app starts. */
import { createContext, useContext } from 'react';
import { colorsEnabled, createTheme, type Theme } from '../theme.js';

export const ThemeContext = createContext<Theme>(createTheme(colorsEnabled()));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
