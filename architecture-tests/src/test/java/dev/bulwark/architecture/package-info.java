/** Architecture rules over every library module's compiled classes. */
@NullMarked
package dev.bulwark.architecture;

import org.jspecify.annotations.NullMarked;
