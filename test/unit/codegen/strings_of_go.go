// Parses Go files and prints, per file, a line "FILE <path>", then every syntax error as "ERROR <message>" and
// every string literal's bytes as hex (literals.test.ts). Usage: go run strings_of_go.go -- FILE...
// (the -- keeps go run from compiling the files named after it).
package main

import (
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

func main() {
	for _, path := range os.Args[1:] {
		if path == "--" {
			continue
		}
		fmt.Println("FILE " + path)
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			fmt.Println("ERROR " + err.Error())
			continue
		}
		ast.Inspect(file, func(node ast.Node) bool {
			if literal, ok := node.(*ast.BasicLit); ok && literal.Kind == token.STRING {
				value, err := strconv.Unquote(literal.Value)
				if err != nil {
					fmt.Println("ERROR " + err.Error())
				} else {
					fmt.Println("STRING " + hex.EncodeToString([]byte(value)))
				}
			}
			return true
		})
	}
}
